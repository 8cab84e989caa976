// `zwarm ls --json` over N isolated sessions against N non-isolated ones. Both stores are made by zwarm itself
// (`zwarm spawn` with the fake agent, a few at a time), so they hold exactly what zwarm writes: the isolated
// sessions' meta.json carry the workspace record (branch, base, line counts after the turn's checkpoint).
using System.Text.Json;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class IsolationLsFigure
{
    public static IEnumerable<Figure> Run(BenchEnvironment env)
    {
        var n = env.Options.Isolated;
        var repo = BenchGit.CreateRepository(Path.Combine(env.TempDirectory, "iso-ls-repo"), 10);
        var isolated = IsolationFigure.IsolatedState(env, "iso-ls-isolated");
        var plain = IsolationFigure.IsolatedState(env, "iso-ls-plain");
        Console.Error.WriteLine($"   spawning {n} isolated and {n} non-isolated sessions ...");
        Fill(env, isolated, n, i => ["--worktree", "--dir", repo, $"isolated {i} @put=NOTES-{i}.md=session-{i}"]);
        Fill(env, plain, n, i => ["--no-worktree", "--dir", repo, $"plain {i}"]);

        var zwarm = new ZwarmProcess(env);
        var output = Path.Combine(env.TempDirectory, "iso-ls.json");
        string[] Ls(string state) => ["ls", "--json", "--state-dir", state];
        // The first ls of each store builds its index (cold), not counted.
        zwarm.RunChecked(Ls(isolated), output);
        var branches = Check(output, n, requireBranch: true);
        zwarm.RunChecked(Ls(plain), output);
        Check(output, n, requireBranch: false);

        var iso = new List<ChildResult>();
        var pl = new List<ChildResult>();
        for (var i = 0; i < env.Options.Runs * 2; i++)
        {
            iso.Add(zwarm.RunChecked(Ls(isolated)));
            pl.Add(zwarm.RunChecked(Ls(plain)));
        }
        var isoMs = Stats.Median(iso.Select(r => r.WallMs));
        var plainMs = Stats.Median(pl.Select(r => r.WallMs));
        string Spread(List<ChildResult> r) => $"{Stats.Ms(r.Min(x => x.WallMs))}-{Stats.Ms(r.Max(x => x.WallMs))}";
        string Cpu(List<ChildResult> r) => Stats.Ms(Stats.Median(r.Select(x => x.CpuMs)));
        yield return new Figure($"ls --json, {n:N0} isolated vs {n:N0} plain sessions", $"plain {Stats.Ms(plainMs)}",
            Stats.Ms(isoMs), Stats.Ratio(isoMs / plainMs), "<= 1.2x", isoMs / plainMs <= 1.2,
            $"whole `zwarm ls --json` processes (warm index), {iso.Count} interleaved runs each, medians; plain min-max " +
            $"{Spread(pl)} (CPU {Cpu(pl)}), isolated min-max {Spread(iso)} (CPU {Cpu(iso)}). Both stores made by " +
            $"`zwarm spawn` with the fake agent; {branches} isolated sessions listed with their branch and +1 line " +
            "(the file each agent wrote, committed by the turn's checkpoint)");
    }

    /// <summary>Spawns <paramref name="n"/> sessions into <paramref name="state"/>, a few at a time, and waits for all.</summary>
    private static void Fill(BenchEnvironment env, string state, int n, Func<int, string[]> args)
    {
        var ids = new string[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
            ids[i] = IsolationFigure.Spawn(env, Path.Combine(env.TempDirectory, $"iso-ls-spawn-{i}.json"),
                ["--state-dir", state, .. args(i)]).Id);
        IsolationFigure.WaitAll(env, state, ids);
    }

    /// <summary>The listing must hold n completed sessions; returns how many have a branch with one added line.</summary>
    private static int Check(string jsonPath, int n, bool requireBranch)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var rows = doc.RootElement.EnumerateArray().ToList();
        var completed = rows.Count(r => r.GetProperty("status").GetString() == "completed");
        var withBranch = rows.Count(r => r.TryGetProperty("branch", out var b) && b.ValueKind == JsonValueKind.String
            && r.TryGetProperty("lines_added", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1);
        if (rows.Count != n || completed != n || withBranch != (requireBranch ? n : 0))
        {
            throw new InvalidOperationException(
                $"ls --json listed {rows.Count} sessions, {completed} completed, {withBranch} with a branch and +1 line; expected {n}");
        }
        return withBranch;
    }
}
