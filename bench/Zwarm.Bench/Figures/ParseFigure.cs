// Reading a big codex turn file: the Python _parse_output against zwarm, both in-process (TurnFileReader over the
// Codex parser, inside this JIT-compiled benchmark) and as the user sees it (`zwarm traj ID --json` and
// `zwarm show ID` on the AOT binary, output to /dev/null). Peak RSS on a file ten times smaller shows whether
// memory grows with the file.
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;
using Zwarm.Core.Agents;
using Zwarm.Core.Events;

namespace Zwarm.Bench.Figures;

internal static class ParseFigure
{
    /// <summary>Memory "does not grow with the file" when the big file's peak RSS is within this of the small one's.</summary>
    private const long FlatMarginKb = 16 * 1024;

    public static IEnumerable<Figure> Run(BenchEnvironment env, PythonAnchors python)
    {
        var bigMb = env.Options.Mb;
        var smallMb = bigMb / 10;
        var big = TurnFile(env, python, bigMb);
        var small = TurnFile(env, python, smallMb);
        var runs = Math.Max(3, env.Options.Runs - 2);

        // Python, in-process.
        var py = Enumerable.Range(0, runs).Select(_ => python.Parse(big)).ToList();
        var pySmall = python.Parse(small);
        var pyMs = Stats.Median(py.Select(p => p.Ms));
        var messages = py[0].Messages;

        // zwarm, in-process (the first pass over the small file JIT-compiles the parser).
        InProcess(small);
        var (smallMessages, _, smallPeak) = InProcess(small);
        var inProcess = Enumerable.Range(0, runs).Select(_ => InProcess(big)).ToList();
        var inMs = Stats.Median(inProcess.Select(r => r.Ms));
        var bigPeak = inProcess.Max(r => r.PeakKb);
        if (inProcess[0].Messages != messages || smallMessages != pySmall.Messages)
        {
            throw new InvalidOperationException(
                $"message counts differ: python {messages}/{pySmall.Messages}, zwarm {inProcess[0].Messages}/{smallMessages}");
        }
        var label = $"{Stats.Num(bigMb, "0")} MB";
        yield return new Figure($"parse {label} turn file, in-process", Stats.Ms(pyMs), Stats.Ms(inMs), Stats.Ratio(pyMs / inMs),
            ">= 10x", pyMs / inMs >= 10,
            $"Python _parse_output vs TurnFileReader.ReadEvents + CodexStreamParser in the (JIT) bench process, median of " +
            $"{runs}; both found {messages} messages; RSS growth during the zwarm parse: +{Stats.Mb(smallPeak)} " +
            $"({Stats.Num(smallMb, "0")} MB file), +{Stats.Mb(bigPeak)} ({label})");

        // zwarm, the user-visible commands on the AOT binary.
        var state = Path.Combine(env.TempDirectory, "parse-state");
        var bigId = TurnSessionFixture.Create(state, big);
        var smallId = TurnSessionFixture.Create(state, small);
        var zwarm = new ZwarmProcess(env);
        foreach (var (verb, args) in new (string, string[])[] { ("traj ID --json", ["traj", "--json"]), ("show ID", ["show"]) })
        {
            ChildResult Cmd(string id, bool memory = false) =>
                zwarm.RunChecked([args[0], id, .. args[1..], "--state-dir", state], measureMemory: memory);
            var smallRss = Cmd(smallId, memory: true).MaxRssKb;
            var bigRss = Cmd(bigId, memory: true).MaxRssKb;
            var bigRuns = Enumerable.Range(0, runs).Select(_ => Cmd(bigId)).ToList();
            var ms = Stats.Median(bigRuns.Select(r => r.WallMs));
            yield return new Figure($"zwarm {verb}, {label} (AOT process)", Stats.Ms(pyMs), Stats.Ms(ms), Stats.Ratio(pyMs / ms),
                ">= 10x", pyMs / ms >= 10,
                $"whole process, output to /dev/null, median of {runs} (CPU {Stats.Ms(Stats.Median(bigRuns.Select(r => r.CpuMs)))})");
            yield return new Figure($"peak RSS of zwarm {verb}: {Stats.Num(smallMb, "0")} MB -> {label} file",
                $"{Stats.Mb(pySmall.Process.MaxRssKb)} -> {Stats.Mb(py.Max(p => p.Process.MaxRssKb))}",
                $"{Stats.Mb(smallRss)} -> {Stats.Mb(bigRss)}", "", "flat (< +16 MB)",
                bigRss >= 0 && bigRss - smallRss < FlatMarginKb,
                "peak RSS of the whole process (GNU time); python = the bench_seed_parse.py process, which reads the file whole");
        }
    }

    private static string TurnFile(BenchEnvironment env, PythonAnchors python, double mb)
    {
        var path = Path.Combine(env.DataDirectory, $"turn-{Stats.Num(mb, "0.#")}MB.jsonl");
        if (!File.Exists(path))
        {
            python.GenerateTurnFile(path, mb);
        }
        return path;
    }

    /// <summary>
    /// Reads every event of the file, counting messages the way Python does (non-empty agent messages). Returns the
    /// time and how far the peak RSS rose above the RSS before.
    /// </summary>
    private static (int Messages, double Ms, long PeakKb) InProcess(string path)
    {
        SelfMemory.ResetPeak();
        var before = SelfMemory.RssKb;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AgentRegistry.Default.TryGet("codex", out var codex);
        var messages = TurnFileReader.ReadEvents(path, codex!.CreateParser())
            .Count(e => e is AssistantMessage { Text.Length: > 0 });
        var ms = clock.Elapsed.TotalMilliseconds;
        return (messages, ms, SelfMemory.PeakRssKb - before);
    }
}
