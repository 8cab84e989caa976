// Reading a big codex turn file: the Python _parse_output against zwarm, both in-process (TurnFileReader over the
// Codex parser, inside this JIT-compiled benchmark) and as the user sees it (`zwarm traj ID --json` and
// `zwarm show ID` on the AOT binary, output to /dev/null). Peak RSS on a file ten times smaller shows whether
// memory grows with the file. Python runs at least 5 times and is judged by its fastest run; the floors (a raw read,
// a bare tokenisation on every core, the hello-world's start-up) are measured in the same rounds.
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
        var runs = Math.Max(5, env.Options.Runs);
        var label = $"{Stats.Num(bigMb, "0")} MB";

        // The AOT commands run on sessions whose only turn file is a copy of each file.
        var state = Path.Combine(env.TempDirectory, "parse-state");
        var bigId = TurnSessionFixture.Create(state, big);
        var smallId = TurnSessionFixture.Create(state, small);
        var zwarm = new ZwarmProcess(env);
        var hello = new[] { env.EnsureHello() };
        var commands = new (string Name, string[] Args, double Target)[]
        {
            ("traj ID --json", ["traj", "--json"], 6), ("show ID", ["show"], 10),
        };
        ChildResult Command(string[] args, string id, bool memory = false) =>
            zwarm.RunChecked([args[0], id, .. args[1..], "--state-dir", state], measureMemory: memory);

        // Warm-up, not counted: JIT tiers for the in-process parser and the floors, page cache for every file.
        InProcess(small);
        InProcess(big);
        ParseFloors.TokenizeMs(big);
        var pySmall = python.Parse(small);
        var (smallMessages, _, _, smallPeak) = InProcess(small);

        // Interleaved, so each side sees the same machine load.
        var py = new List<(int Messages, double Ms, ChildResult Process)>();
        var inProcess = new List<(int Messages, double Ms, double CpuMs, long PeakKb)>();
        var aot = commands.ToDictionary(c => c.Name, _ => new List<ChildResult>());
        var (read, tokenize, helloMs) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            py.Add(python.Parse(big));
            inProcess.Add(InProcess(big));
            foreach (var (name, args, _) in commands)
            {
                aot[name].Add(Command(args, bigId));
            }
            read.Add(ParseFloors.ReadMs(big));
            tokenize.Add(ParseFloors.TokenizeMs(big).Ms);
            helloMs.Add(ChildProcess.RunChecked(hello).WallMs);
        }
        var messages = py[0].Messages;
        if (inProcess[0].Messages != messages || smallMessages != pySmall.Messages)
        {
            throw new InvalidOperationException(
                $"message counts differ: python {messages}/{pySmall.Messages}, zwarm {inProcess[0].Messages}/{smallMessages}");
        }

        // The anchor is Python's fastest run; zwarm's median is judged against it.
        var pyMs = py.Min(p => p.Ms);
        var pyCell = Stats.Spread(py.Select(p => p.Ms));
        var inMs = Stats.Median(inProcess.Select(r => r.Ms));
        yield return new Figure($"parse {label} turn file, in-process", pyCell, Stats.MedianAndFastest(inProcess.Select(r => r.Ms)),
            Stats.Ratio(pyMs / inMs), ">= 10x", pyMs / inMs >= 10,
            $"Python _parse_output (min / median / max of {runs}) vs TurnFileReader.ReadEvents + CodexStreamParser (every " +
            $"event, nothing skipped, decoded on {Environment.ProcessorCount} cores) in this JIT-compiled process after a " +
            $"warm-up pass; ratio = Python's fastest / zwarm's median; zwarm process CPU " +
            $"{Stats.Ms(Stats.Median(inProcess.Select(r => r.CpuMs)))}; both found {messages} messages; RSS growth during " +
            $"the zwarm parse: +{Stats.Mb(smallPeak)} ({Stats.Num(smallMb, "0")} MB file), " +
            $"+{Stats.Mb(inProcess.Max(r => r.PeakKb))} ({label})");
        var tokenizeMs = tokenize.Min();
        yield return new Figure($"floor: tokenise every line of {label} on {Environment.ProcessorCount} cores", pyCell,
            Stats.Spread(tokenize), Stats.Ratio(pyMs / tokenizeMs), "info", null,
            "Utf8JsonReader over every token of every line, chunks on the thread pool, no string decoded, no event " +
            "built: the most any parser that checks the JSON can reach in-process (ratio = fastest / fastest)");
        yield return new Figure($"floor: read the {label} file (page cache)", pyCell, Stats.Spread(read),
            Stats.Ratio(pyMs / read.Min()), "info", null, "the file read into one 1 MB buffer, nothing else");

        var processFloor = helloMs.Min() + tokenizeMs;
        foreach (var (name, args, target) in commands)
        {
            var runsOf = aot[name];
            var ms = Stats.Median(runsOf.Select(r => r.WallMs));
            yield return new Figure($"zwarm {name}, {label} (AOT process)", pyCell, Stats.MedianAndFastest(runsOf.Select(r => r.WallMs)),
                Stats.Ratio(pyMs / ms), $">= {target}x", pyMs / ms >= target,
                $"the whole process, output to /dev/null, {runs} runs {Stats.Spread(runsOf.Select(r => r.WallMs))} " +
                $"(CPU median {Stats.Ms(Stats.Median(runsOf.Select(r => r.CpuMs)))}); ratio = Python's fastest / zwarm's median");
            var smallRss = Command(args, smallId, memory: true).MaxRssKb;
            var bigRss = Command(args, bigId, memory: true).MaxRssKb;
            yield return new Figure($"peak RSS of zwarm {name}: {Stats.Num(smallMb, "0")} MB -> {label} file",
                $"{Stats.Mb(pySmall.Process.MaxRssKb)} -> {Stats.Mb(py.Max(p => p.Process.MaxRssKb))}",
                $"{Stats.Mb(smallRss)} -> {Stats.Mb(bigRss)}", "", "flat (< +16 MB)",
                bigRss >= 0 && bigRss - smallRss < FlatMarginKb,
                "peak RSS of the whole process (GNU time); python = the bench_seed_parse.py process, which reads the file whole");
        }
        yield return new Figure($"floor for a process: hello-world start-up + tokenise {label}", pyCell,
            $"{Stats.Ms(helloMs.Min())} + {Stats.Ms(tokenizeMs)}", Stats.Ratio(pyMs / processFloor), "info", null,
            $"the fastest AOT hello-world run ({Stats.Spread(helloMs)}) plus the fastest tokenisation: no `show` or " +
            "`traj` process that reads every line as JSON can beat this ratio on this machine today");
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
    /// wall and process CPU time (the decoding runs on the thread pool), and how far the peak RSS rose above the RSS before.
    /// </summary>
    private static (int Messages, double Ms, double CpuMs, long PeakKb) InProcess(string path)
    {
        SelfMemory.ResetPeak();
        var before = SelfMemory.RssKb;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AgentRegistry.Default.TryGet("codex", out var codex);
        var messages = TurnFileReader.ReadEvents(path, codex!.CreateParser())
            .Count(e => e is AssistantMessage { Text.Length: > 0 });
        var ms = clock.Elapsed.TotalMilliseconds;
        // A collection during the parse can leave the peak below the RSS before: no growth.
        var cpuMs = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - cpu;
        return (messages, ms, cpuMs, Math.Max(0, SelfMemory.PeakRssKb - before));
    }
}
