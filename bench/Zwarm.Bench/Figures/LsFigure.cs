// `zwarm ls --json` over N finished sessions written by the Python anchor, against the Python list_sessions() on
// the same store. Python is timed in-process (its own start-up excluded); zwarm is the whole process, start-up
// included, so the ratio is conservative. The first zwarm run builds the index (cold); the ratio uses warm runs.
// The target is the floor measured in the same rounds: a stat of every meta.json from a running process; a second
// floor adds what any process pays before listing (the hello-world's start-up, reading the index).
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
        var (stat, index, hello) = (new List<double>(), new List<double>(), new List<double>());
        var indexPath = Path.Combine(state, "sessions", ".index.jsonl");
        var helloArgv = new[] { env.EnsureHello() };
        StatEveryMeta(state);
        for (var i = 0; i < Math.Max(5, env.Options.Runs); i++)
        {
            // Interleaved, so both sides and the floors see the same machine load.
            var (count, ms, process) = python.List(state);
            if (count != n)
            {
                throw new InvalidOperationException($"Python listed {count} sessions, expected {n}");
            }
            pythonMs.Add(ms);
            pythonProcessMs.Add(process.WallMs);
            warm.Add(zwarm.RunChecked(ls, output));
            warm.Add(zwarm.RunChecked(ls, "/dev/null"));
            stat.Add(StatEveryMeta(state));
            index.Add(ReadMs(indexPath));
            hello.Add(ChildProcess.RunChecked(helloArgv).WallMs);
        }
        CheckListing(output, state, n);
        var memory = zwarm.RunChecked(ls, "/dev/null", measureMemory: true);

        // Anchors (Python, the floors) by their fastest run; zwarm by its median.
        var py = pythonMs.Min();
        var pyCell = Stats.Spread(pythonMs);
        var zw = Stats.Median(warm.Select(r => r.WallMs));
        var zwCell = Stats.MedianAndFastest(warm.Select(r => r.WallMs));
        yield return new Figure($"ls --json, {n} sessions (warm index)", pyCell, zwCell, Stats.Ratio(py / zw), "info", null,
            $"python = list_sessions() in-process (min / median / max of {pythonMs.Count}; the whole python process took " +
            $"{Stats.Ms(Stats.Median(pythonProcessMs))}); zwarm = the whole `zwarm ls --json` process " +
            $"({warm.Count} runs {Stats.Spread(warm.Select(r => r.WallMs))}, CPU {Stats.Ms(Stats.Median(warm.Select(r => r.CpuMs)))}, " +
            $"peak RSS {Stats.Mb(memory.MaxRssKb)}); ratio = Python's fastest / zwarm's median; zwarm listed all {listed} " +
            "Python-written sessions");
        var floor = stat.Min();
        yield return new Figure($"ls --json vs the floor: one stat per session, {n} sessions", $"floor {Stats.Spread(stat)}",
            zwCell, Stats.Ratio(zw / floor), "<= 1.3x", zw / floor <= 1.3,
            "floor = stat(2) of every meta.json from this (running) process and nothing else: the least any listing that " +
            "notices changes made by other tools must do, with no process start-up; ratio = zwarm's median / the floor's " +
            $"fastest; Python's fastest / the floor: {Stats.Ratio(py / floor)}");
        var processFloor = floor + index.Min() + hello.Min();
        yield return new Figure("ls --json vs the floor of a process: hello-world start-up + stats + read the index",
            $"{Stats.Ms(hello.Min())} + {Stats.Ms(floor)} + {Stats.Ms(index.Min())}", zwCell, Stats.Ratio(zw / processFloor),
            "info", null,
            $"the fastest AOT hello-world run ({Stats.Spread(hello)}), the fastest stat floor, and the fastest read of " +
            $"sessions/.index.jsonl ({Stats.Mb(new FileInfo(indexPath).Length / 1024)}, {Stats.Spread(index)}) into memory: " +
            "what a process that starts, checks every session and reads the index costs before it lists anything");
        yield return new Figure($"ls --json, {n} sessions (cold: builds the index)", pyCell, Stats.Ms(cold.WallMs),
            Stats.Ratio(py / cold.WallMs), "info", null,
            $"first run after deleting sessions/.index.jsonl: reads every meta.json (CPU {Stats.Ms(cold.CpuMs)})");
    }

    private static double ReadMs(string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _ = File.ReadAllBytes(path);
        return clock.Elapsed.TotalMilliseconds;
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
