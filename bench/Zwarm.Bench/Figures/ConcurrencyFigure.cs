// N concurrent fake-agent sessions started with `zwarm spawn` (all spawns at once), each printing L numbered
// messages and then staying alive for a while. Checks that every line of every session was recorded, in order,
// and measures what zwarm costs per running session: its per-turn supervisors (`setsid sh`), the agent excluded,
// plus any zwarm process still alive (there should be none: spawn returns at once).
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static partial class ConcurrencyFigure
{
    /// <summary>How long each agent stays alive after its lines, so all of them run at once when memory is read.</summary>
    private const int HoldSeconds = 30;

    public static IEnumerable<Figure> Run(BenchEnvironment env)
    {
        int agents = env.Options.Agents, lines = env.Options.Lines;
        var state = env.NewStateDirectory("concurrency-state");
        var zwarm = new ZwarmProcess(env);
        var clock = Stopwatch.StartNew();

        var ids = new string[agents];
        Parallel.For(0, agents, new ParallelOptions { MaxDegreeOfParallelism = agents }, i =>
        {
            var output = Path.Combine(env.TempDirectory, $"spawn-{i}.json");
            zwarm.RunChecked(["spawn", "--json", "--state-dir", state, $"agent {i} @lines={lines} @sleep={HoldSeconds}"], output);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
            ids[i] = doc.RootElement.GetProperty("id").GetString()!;
        });
        var spawnedMs = clock.Elapsed.TotalMilliseconds;

        string TurnFile(string id) => Path.Combine(state, "sessions", id, "turns", "turn_1.jsonl");
        Poll.Until(() => ids.All(id => CountLines(TurnFile(id)) >= lines + 2), TimeSpan.FromSeconds(HoldSeconds * 4),
            "every agent's numbered lines", intervalMs: 50);
        var writtenMs = clock.Elapsed.TotalMilliseconds;

        // All agents are now holding their turns open: read the supervisors' memory.
        var supervisors = SessionReaper.SupervisorPids(state).Where(SessionReaper.IsSupervisor).ToList();
        var memory = supervisors.Select(ProcessMemory.Read).OfType<ProcessMemory>().ToList();
        var zwarmAlive = ProcessMemory.CountRunning(env.EnsureZwarm());

        var statuses = WaitForAll(zwarm, state, agents, Path.Combine(env.TempDirectory, "concurrency-ls.json"));
        var doneMs = clock.Elapsed.TotalMilliseconds;
        var found = ids.Sum(id => NumberedLinesInOrder(TurnFile(id), lines));
        var completed = statuses.Count(s => s == "completed");
        long expected = (long)agents * lines;

        yield return new Figure($"{agents} concurrent sessions x {lines} lines: recorded", "n/a",
            $"{found}/{expected} lines, {completed}/{agents} completed", "", "no lost line",
            found == expected && completed == agents,
            $"all spawned in {Stats.Ms(spawnedMs)} (each `zwarm spawn` is its own process), every line on disk after " +
            $"{Stats.Ms(writtenMs)}, all completed after {Stats.Ms(doneMs)} (each agent holds its turn {HoldSeconds} s)");

        var n = Math.Max(1, memory.Count);
        yield return new Figure("zwarm memory per running session", "n/a",
            $"RSS {Stats.Mb(memory.Sum(m => m.RssKb) / n)}, PSS {Stats.Mb(memory.Sum(m => m.PssKb) / n)}",
            "", "report; no zwarm process alive", zwarmAlive == 0,
            $"{memory.Count} live turn supervisors (`setsid sh`), averaged; the agent itself excluded; private (USS) " +
            $"{Stats.Mb(memory.Sum(m => m.UssKb) / n)}; zwarm processes alive while the sessions ran: {zwarmAlive}");
    }

    private static List<string> WaitForAll(ZwarmProcess zwarm, string state, int agents, string output)
    {
        List<string> statuses = [];
        Poll.Until(() =>
        {
            zwarm.RunChecked(["ls", "--json", "--state-dir", state], output);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
            statuses = doc.RootElement.EnumerateArray().Select(s => s.GetProperty("status").GetString() ?? "").ToList();
            return statuses.Count == agents && statuses.All(s => s is "completed" or "failed" or "killed");
        }, TimeSpan.FromSeconds(HoldSeconds * 10), "every session to finish", intervalMs: 500);
        return statuses;
    }

    private static int CountLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var count = 0;
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            return count;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>How many of the messages "line 1" .. "line N" the turn file holds, each once and in order.</summary>
    private static int NumberedLinesInOrder(string path, int expected)
    {
        var next = 1;
        foreach (var line in File.ReadLines(path))
        {
            var m = NumberedMessage().Match(line);
            if (m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == next)
            {
                next++;
            }
        }
        return Math.Min(next - 1, expected);
    }

    [GeneratedRegex("\"text\":\"line (\\d+)\"")]
    private static partial Regex NumberedMessage();
}
