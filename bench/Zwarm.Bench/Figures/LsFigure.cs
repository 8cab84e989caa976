// `zwarm ls --json` over N finished sessions written by the Python anchor, against the Python list_sessions() on
// the same store. Python is timed in-process (its own start-up excluded); zwarm is the whole process, start-up
// included, so the ratio is conservative. The first zwarm run builds the index (cold); the ratio uses warm runs.
using System.Text.Json;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class LsFigure
{
    public static IEnumerable<Figure> Run(BenchEnvironment env, PythonAnchors python)
    {
        var n = env.Options.Sessions;
        var state = Path.Combine(env.DataDirectory, $"ls-{n}");
        python.GenerateSessions(state, n);
        var zwarm = new ZwarmProcess(env);
        var output = Path.Combine(env.TempDirectory, "ls.json");
        string[] ls = ["ls", "--json", "--state-dir", state];

        File.Delete(Path.Combine(state, "sessions", ".index.jsonl"));
        var cold = zwarm.RunChecked(ls, output);
        var listed = CheckListing(output, state, n);

        var pythonMs = new List<double>();
        var pythonProcessMs = new List<double>();
        var warm = new List<ChildResult>();
        for (var i = 0; i < env.Options.Runs; i++)
        {
            // Interleaved, so both sides see the same machine load.
            var (count, ms, process) = python.List(state);
            if (count != n)
            {
                throw new InvalidOperationException($"Python listed {count} sessions, expected {n}");
            }
            pythonMs.Add(ms);
            pythonProcessMs.Add(process.WallMs);
            warm.Add(zwarm.RunChecked(ls, output));
            warm.Add(zwarm.RunChecked(ls, "/dev/null"));
        }
        CheckListing(output, state, n);
        var memory = zwarm.RunChecked(ls, "/dev/null", measureMemory: true);

        var py = Stats.Median(pythonMs);
        var zw = Stats.Median(warm.Select(r => r.WallMs));
        yield return new Figure($"ls --json, {n} sessions (warm index)", Stats.Ms(py), Stats.Ms(zw), Stats.Ratio(py / zw),
            ">= 20x", py / zw >= 20,
            $"python = list_sessions() in-process (median of {pythonMs.Count}; the whole python process took " +
            $"{Stats.Ms(Stats.Median(pythonProcessMs))}); zwarm = the whole `zwarm ls --json` process " +
            $"(median of {warm.Count}, CPU {Stats.Ms(Stats.Median(warm.Select(r => r.CpuMs)))}, " +
            $"peak RSS {Stats.Mb(memory.MaxRssKb)}); zwarm listed all {listed} Python-written sessions");
        var floor = Stats.Median(Enumerable.Range(0, 3).Select(_ => StatEveryMeta(state)));
        yield return new Figure($"floor: one stat per session, {n} sessions", Stats.Ms(py), Stats.Ms(floor),
            Stats.Ratio(py / floor), "info", null,
            "stat(2) of every meta.json from this process and nothing else: the least any listing that notices " +
            "changes made by other tools must do, with no process start-up; zwarm's ls cannot be faster than this");
        yield return new Figure($"ls --json, {n} sessions (cold: builds the index)", Stats.Ms(py), Stats.Ms(cold.WallMs),
            Stats.Ratio(py / cold.WallMs), "info", null,
            $"first run after deleting sessions/.index.jsonl: reads every meta.json (CPU {Stats.Ms(cold.CpuMs)})");
    }

    private static double StatEveryMeta(string state)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(state, "sessions")))
        {
            _ = File.GetLastWriteTimeUtc(Path.Combine(dir, "meta.json"));
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The JSON must list every session of the store, each once.</summary>
    private static int CheckListing(string jsonPath, string state, int expected)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var ids = doc.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        var dirs = Directory.EnumerateDirectories(Path.Combine(state, "sessions")).Select(Path.GetFileName).ToHashSet();
        if (ids.Count != expected || !ids.SetEquals(dirs))
        {
            throw new InvalidOperationException($"zwarm ls --json listed {ids.Count} sessions; the store has {dirs.Count}");
        }
        return ids.Count;
    }
}
