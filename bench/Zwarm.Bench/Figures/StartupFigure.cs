// Start-up: `zwarm ls --json` on an empty store (AOT) against the Python implementation's floor
// (`bench_seed_list.py` on an empty store, the whole process) and against a Native AOT hello-world. The three are
// run interleaved, so each sees the same load. zwarm is judged by its median, the anchors (Python, the hello-world)
// by their fastest run, all with their spreads; CPU time (user + system) alongside.
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class StartupFigure
{
    public static IEnumerable<Figure> Run(BenchEnvironment env, PythonAnchors python)
    {
        var empty = Path.Combine(env.TempDirectory, "empty-state");
        Directory.CreateDirectory(Path.Combine(empty, "sessions"));
        var zwarmArgv = new[] { env.EnsureZwarm(), "ls", "--json", "--state-dir", empty };
        var pythonArgv = python.ListCommand(empty);
        var helloArgv = new[] { env.EnsureHello() };
        var runs = env.Options.Runs * 6;

        var zwarm = new List<ChildResult>();
        var py = new List<ChildResult>();
        var hello = new List<ChildResult>();
        for (var i = -2; i < runs; i++)
        {
            // Two warm-up rounds (page cache), not counted.
            var z = ChildProcess.Run(zwarmArgv, extraEnvironment: env.ChildEnvironment);
            var p = ChildProcess.Run(pythonArgv);
            var h = ChildProcess.Run(helloArgv);
            if (z.ExitCode != 0 || p.ExitCode != 0 || h.ExitCode != 0)
            {
                throw new InvalidOperationException("a start-up run failed");
            }
            if (i >= 0)
            {
                zwarm.Add(z);
                py.Add(p);
                hello.Add(h);
            }
        }

        var rss = new[] { pythonArgv, zwarmArgv, helloArgv }
            .Select(argv => ChildProcess.Run(argv, extraEnvironment: env.ChildEnvironment, measureMemory: true).MaxRssKb).ToArray();
        var zw = Stats.Median(zwarm.Select(r => r.WallMs));
        var zwCell = Stats.MedianAndFastest(zwarm.Select(r => r.WallMs));
        var pyMs = py.Min(r => r.WallMs);
        var helloMs = hello.Min(r => r.WallMs);
        string Cpu(List<ChildResult> r) => Stats.Ms(Stats.Median(r.Select(x => x.CpuMs)));
        yield return new Figure("start-up: ls --json, empty store", Stats.Spread(py.Select(r => r.WallMs)), zwCell, Stats.Ratio(pyMs / zw),
            ">= 5x", pyMs / zw >= 5,
            $"whole processes, {runs} runs each (python min / median / max); ratio = Python's fastest / zwarm's median; " +
            $"zwarm {Stats.Spread(zwarm.Select(r => r.WallMs))}; CPU medians: python {Cpu(py)}, zwarm {Cpu(zwarm)}, " +
            $"hello {Cpu(hello)}; peak RSS: python {Stats.Mb(rss[0])}, zwarm {Stats.Mb(rss[1])}, hello {Stats.Mb(rss[2])}");
        yield return new Figure("start-up: ls --json vs AOT hello-world", $"hello {Stats.Spread(hello.Select(r => r.WallMs))}", zwCell,
            Stats.Ratio(zw / helloMs), "<= 2x", zw / helloMs <= 2,
            $"ratio = zwarm's median / the hello-world's fastest run (wall; median / median {Stats.Ratio(zw / Stats.Median(hello.Select(r => r.WallMs)))}); " +
            $"by CPU time (medians) {Stats.Ratio(Stats.Median(zwarm.Select(r => r.CpuMs)) / Stats.Median(hello.Select(r => r.CpuMs)))}");
    }
}
