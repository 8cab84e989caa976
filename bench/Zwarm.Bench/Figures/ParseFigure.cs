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
        var label = $"{Stats.Num(bigMb, "0")} MB";

        // The AOT commands run on sessions whose only turn file is a copy of each file.
        var state = Path.Combine(env.TempDirectory, "parse-state");
        var bigId = TurnSessionFixture.Create(state, big);
        var smallId = TurnSessionFixture.Create(state, small);
        var zwarm = new ZwarmProcess(env);
        var commands = new (string Name, string[] Args)[] { ("traj ID --json", ["traj", "--json"]), ("show ID", ["show"]) };
        ChildResult Command(string[] args, string id, bool memory = false) =>
            zwarm.RunChecked([args[0], id, .. args[1..], "--state-dir", state], measureMemory: memory);

        // Warm-up, not counted: JIT tiers for the in-process parser, page cache for every file.
        InProcess(small);
        InProcess(big);
        var pySmall = python.Parse(small);
        var (smallMessages, _, _, smallPeak) = InProcess(small);

        // Interleaved, so each side sees the same machine load.
        var py = new List<(int Messages, double Ms, ChildResult Process)>();
        var inProcess = new List<(int Messages, double Ms, double CpuMs, long PeakKb)>();
        var aot = commands.ToDictionary(c => c.Name, _ => new List<ChildResult>());
        for (var i = 0; i < runs; i++)
        {
            py.Add(python.Parse(big));
            inProcess.Add(InProcess(big));
            foreach (var (name, args) in commands)
            {
                aot[name].Add(Command(args, bigId));
            }
        }
        var messages = py[0].Messages;
        if (inProcess[0].Messages != messages || smallMessages != pySmall.Messages)
        {
            throw new InvalidOperationException(
                $"message counts differ: python {messages}/{pySmall.Messages}, zwarm {inProcess[0].Messages}/{smallMessages}");
        }

        var pyMs = Stats.Median(py.Select(p => p.Ms));
        var inMs = Stats.Median(inProcess.Select(r => r.Ms));
        yield return new Figure($"parse {label} turn file, in-process", Stats.Ms(pyMs), Stats.Ms(inMs), Stats.Ratio(pyMs / inMs),
            ">= 10x", pyMs / inMs >= 10,
            $"Python _parse_output vs TurnFileReader.ReadEvents + CodexStreamParser (every event, nothing skipped) in this " +
            $"JIT-compiled process after a warm-up pass; wall medians of {runs}, zwarm thread CPU " +
            $"{Stats.Ms(Stats.Median(inProcess.Select(r => r.CpuMs)))}; both found {messages} messages; RSS growth during " +
            $"the zwarm parse: +{Stats.Mb(smallPeak)} ({Stats.Num(smallMb, "0")} MB file), " +
            $"+{Stats.Mb(inProcess.Max(r => r.PeakKb))} ({label})");

        foreach (var (name, args) in commands)
        {
            var ms = Stats.Median(aot[name].Select(r => r.WallMs));
            yield return new Figure($"zwarm {name}, {label} (AOT process)", Stats.Ms(pyMs), Stats.Ms(ms), Stats.Ratio(pyMs / ms),
                ">= 10x", pyMs / ms >= 10,
                $"the whole process, output to /dev/null, wall median of {runs} (CPU " +
                $"{Stats.Ms(Stats.Median(aot[name].Select(r => r.CpuMs)))})");
            var smallRss = Command(args, smallId, memory: true).MaxRssKb;
            var bigRss = Command(args, bigId, memory: true).MaxRssKb;
            yield return new Figure($"peak RSS of zwarm {name}: {Stats.Num(smallMb, "0")} MB -> {label} file",
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
    /// wall and thread CPU time, and how far the peak RSS rose above the RSS before.
    /// </summary>
    private static (int Messages, double Ms, double CpuMs, long PeakKb) InProcess(string path)
    {
        SelfMemory.ResetPeak();
        var before = SelfMemory.RssKb;
        var cpu = ThreadClock.NowMs();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AgentRegistry.Default.TryGet("codex", out var codex);
        var messages = TurnFileReader.ReadEvents(path, codex!.CreateParser())
            .Count(e => e is AssistantMessage { Text.Length: > 0 });
        var ms = clock.Elapsed.TotalMilliseconds;
        // A collection during the parse can leave the peak below the RSS before: no growth.
        return (messages, ms, ThreadClock.NowMs() - cpu, Math.Max(0, SelfMemory.PeakRssKb - before));
    }
}
