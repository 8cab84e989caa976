// Isolated sessions (issue 12), with real git on repositories made in the temp dir:
// - `zwarm spawn --worktree` on a repository of N files against a bare `git worktree add` of the same repository
//   (the anchor), interleaved, whole processes; zwarm's own overhead (its time minus the `git worktree add` it ran,
//   from git's trace) in % of the anchor's fastest run;
// - `ls --json` over N isolated sessions against N non-isolated ones (IsolationLsFigure);
// - disk use of K worktrees (made by zwarm spawn --worktree) against K full clones of the same repository.
using System.Text.Json;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class IsolationFigure
{
    public static IEnumerable<Figure> Run(BenchEnvironment env)
    {
        var files = env.Options.Files;
        Console.Error.WriteLine($"   creating a repository of {files} files ...");
        var repo = BenchGit.CreateRepository(Path.Combine(env.TempDirectory, "iso-repo"), files);
        var state = IsolatedState(env, "iso-spawn-state");
        foreach (var row in SpawnOverhead(env, repo, state, files))
        {
            yield return row;
        }
        foreach (var row in IsolationLsFigure.Run(env))
        {
            yield return row;
        }
        yield return DiskUse(env, repo, state, files);
    }

    /// <summary>A state dir whose codex adapter is the fake agent and whose worktrees go to the temp dir.</summary>
    public static string IsolatedState(BenchEnvironment env, string name)
    {
        var state = env.NewStateDirectory(name);
        var root = Path.Combine(env.TempDirectory, name + "-worktrees");
        File.AppendAllText(Path.Combine(state, "config.toml"), $"\n[worktree]\nroot = \"{root}\"\n");
        return state;
    }

    /// <summary>`zwarm spawn --json ARGS`, timed; returns the new session's id with the measurement.</summary>
    public static (string Id, ChildResult Result) Spawn(BenchEnvironment env, string output, params string[] args)
    {
        var result = new ZwarmProcess(env).RunChecked(["spawn", "--json", .. args], output);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
        return (doc.RootElement.GetProperty("id").GetString()!, result);
    }

    /// <summary>`zwarm wait ID...`: until every one of <paramref name="ids"/> has stopped.</summary>
    public static void WaitAll(BenchEnvironment env, string state, IEnumerable<string> ids) =>
        new ZwarmProcess(env).RunChecked(["wait", .. ids, "--timeout", "30m", "--state-dir", state]);

    private static IEnumerable<Figure> SpawnOverhead(BenchEnvironment env, string repo, string state, int files)
    {
        var zwarm = new ZwarmProcess(env);
        var output = Path.Combine(env.TempDirectory, "iso-spawn.json");
        var trace = Path.Combine(env.TempDirectory, "iso-spawn.trace2.json");
        var traced = new Dictionary<string, string>(env.ChildEnvironment) { ["GIT_TRACE2_EVENT"] = trace };
        var bareRoot = Path.Combine(env.TempDirectory, "iso-bare-worktrees");
        var bare = new List<ChildResult>();
        var spawned = new List<ChildResult>();
        var own = new List<double>();
        for (var i = -1; i < env.Options.Runs; i++)
        {
            // One warm-up round (page cache), not counted. Each side cleans up, untimed, and `sync` writes back what
            // the clean-up deleted before the next timed run, so neither side pays for the other's 50,000 deletions;
            // the order alternates so neither always runs on the heels of the other.
            ChildResult Bare()
            {
                var path = Path.Combine(bareRoot, $"w{i + 1}");
                ChildProcess.RunChecked(["sync"]);
                var b = BenchGit.Run(repo, "worktree", "add", "--quiet", "-b", $"bench/bare-{i + 1}", path, "HEAD");
                BenchGit.Run(repo, "worktree", "remove", "--force", "--force", path);
                BenchGit.Run(repo, "branch", "-D", "--quiet", $"bench/bare-{i + 1}");
                return b;
            }
            (ChildResult Result, double WorktreeAddMs) Zwarm()
            {
                File.Delete(trace);
                ChildProcess.RunChecked(["sync"]);
                var z = ChildProcess.RunChecked([env.EnsureZwarm(), "spawn", "--json", "--worktree", "--state-dir", state,
                    "--dir", repo, $"bench spawn {i + 1}"], output, traced);
                using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
                var id = doc.RootElement.GetProperty("id").GetString()!;
                var add = GitTrace.WallMs(trace, "worktree", "add")
                    ?? throw new InvalidOperationException("zwarm spawn --worktree ran no `git worktree add` (no trace)");
                zwarm.RunChecked(["wait", id, "--timeout", "10m", "--state-dir", state]);
                zwarm.RunChecked(["rm", id, "--force", "--discard-work", "--state-dir", state]);
                return (z, add);
            }
            ChildResult b;
            (ChildResult Result, double WorktreeAddMs) z;
            if (i % 2 == 0)
            {
                z = Zwarm();
                b = Bare();
            }
            else
            {
                b = Bare();
                z = Zwarm();
            }
            if (i >= 0)
            {
                bare.Add(b);
                spawned.Add(z.Result);
                own.Add(z.Result.WallMs - z.WorktreeAddMs);
            }
        }
        File.Delete(trace);
        var git = Stats.Median(bare.Select(r => r.WallMs));
        var gitFastest = bare.Min(r => r.WallMs);
        var zw = Stats.Median(spawned.Select(r => r.WallMs));
        var ownMedian = Stats.Median(own);
        var ownShare = ownMedian / gitFastest * 100;
        string Spread(IEnumerable<double> r) => $"{Stats.Ms(r.Min())}-{Stats.Ms(r.Max())}";
        string Cpu(List<ChildResult> r) => Stats.Ms(Stats.Median(r.Select(x => x.CpuMs)));
        yield return new Figure($"spawn --worktree, {files:N0} files: zwarm's own work", $"git fastest {Stats.Ms(gitFastest)}",
            Stats.Ms(ownMedian), $"+{Stats.Num(ownShare)}%", "<= +10%", ownShare <= 10,
            $"zwarm's own work = the whole `zwarm spawn --worktree --json` process minus the `git worktree add` it ran, " +
            $"timed by git itself (GIT_TRACE2_EVENT); median of {own.Count} runs (min-max {Spread(own)}), as a share of " +
            $"the fastest bare `git worktree add` run (median {Stats.Ms(git)}, min-max {Spread(bare.Select(r => r.WallMs))}). " +
            "It holds zwarm's start, its git probes (version, repository, branch) and whatever of the `git status` probe " +
            "for uncommitted changes outlasts the checkout it runs beside, writing the session and starting the detached " +
            "turn supervisor");
        yield return new Figure($"spawn --worktree, {files:N0} files: whole processes", $"git {Stats.Ms(git)}", Stats.Ms(zw),
            $"{(zw >= git ? "+" : "")}{Stats.Num((zw - git) / git * 100)}%", "report", null,
            $"medians of {spawned.Count} interleaved runs (alternating order, `sync` before each) after a warm-up round; " +
            $"git = the whole `git worktree add --quiet -b BRANCH PATH HEAD` process (min-max {Spread(bare.Select(r => r.WallMs))}, " +
            $"CPU {Cpu(bare)}); zwarm = the whole `zwarm spawn --worktree --json` process until it returns (min-max " +
            $"{Spread(spawned.Select(r => r.WallMs))}, CPU {Cpu(spawned)}; CPU includes the children each waited for). " +
            "Both are dominated by the checkout, whose time varies several-fold between identical runs on this VM; the " +
            "row above is the overhead figure. The turn and its checkpoint are awaited (`zwarm wait`) and the session " +
            "removed (`zwarm rm`), untimed, before the next run");
    }

    private static Figure DiskUse(BenchEnvironment env, string repo, string state, int files)
    {
        var copies = env.Options.Copies;
        var output = Path.Combine(env.TempDirectory, "iso-disk.json");
        var clones = Path.Combine(env.TempDirectory, "iso-clones");
        var ids = Enumerable.Range(0, copies)
            .Select(i => Spawn(env, output, "--worktree", "--state-dir", state, "--dir", repo, $"bench disk {i}").Id).ToList();
        WaitAll(env, state, ids);
        var worktrees = ids.Select(id => WorktreeOf(state, id)).ToList();
        for (var i = 0; i < copies; i++)
        {
            // --no-hardlinks: a full copy, as a clone on another disk (or from a remote) would be.
            ChildProcess.RunChecked(["git", "clone", "--quiet", "--no-hardlinks", repo, Path.Combine(clones, $"c{i}")]);
        }
        var admin = Path.Combine(repo, ".git", "worktrees");
        var worktreeKb = BenchGit.DiskKb(env.TempDirectory, [.. worktrees, admin]);
        var cloneKb = BenchGit.DiskKb(env.TempDirectory, clones);
        var objectsKb = BenchGit.DiskKb(env.TempDirectory, Path.Combine(repo, ".git", "objects"));
        var cloneGitKb = BenchGit.DiskKb(env.TempDirectory, Path.Combine(clones, "c0", ".git"));
        var adminKb = BenchGit.DiskKb(env.TempDirectory, admin) / copies;
        return new Figure($"disk: {copies} worktrees vs {copies} clones, {files:N0} files",
            $"clones {Stats.Mb(cloneKb)}", $"worktrees {Stats.Mb(worktreeKb)}", Stats.Ratio((double)cloneKb / worktreeKb),
            "report", null,
            $"`du -sk` (blocks on disk). worktrees = the {copies} worktrees zwarm spawn --worktree made plus their " +
            $"admin folders in .git/worktrees (each {Stats.Mb(adminKb)}, mostly its index); they share the repository's " +
            $"object store ({Stats.Mb(objectsKb)}, counted in neither). clones = `git clone --no-hardlinks`, each with " +
            $"its own .git ({Stats.Mb(cloneGitKb)}: objects + index). Ratio = clones / worktrees; the checked-out files " +
            "are the same on both sides, so the saving per copy is the object store");
    }

    private static string WorktreeOf(string state, string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(state, "sessions", id, "meta.json")));
        return doc.RootElement.GetProperty("workspace").GetProperty("worktree").GetString()!;
    }
}
