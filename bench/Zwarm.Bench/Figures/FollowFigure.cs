// `zwarm logs ID --follow --raw` on a running fake-agent session: the benchmark appends numbered probe lines to
// the turn file at random moments and measures how long each takes to appear on the follower's stdout (the
// follower's own read loop timestamps each line, so the benchmark's waiting does not add to the figure).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class FollowFigure
{
    private const int Probes = 50;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(3);

    public static IEnumerable<Figure> Run(BenchEnvironment env)
    {
        var (delays, lost) = Measure(env);
        var median = Stats.Median(delays);
        var max = delays.Count == 0 ? double.NaN : delays.Max();
        yield return new Figure("logs --follow: appended line printed after", "n/a (no follow)",
            $"median {Stats.Ms(median)}, max {Stats.Ms(max)}", "", "<= 100 ms", lost == 0 && max <= 100,
            $"{Probes} lines appended at random 20-150 ms intervals to a running session's turn file; " +
            $"delay until `zwarm logs --follow --raw` printed each ({lost} not seen within {LineTimeout.TotalSeconds:0} s)");
    }

    private static (List<double> Delays, int Lost) Measure(BenchEnvironment env)
    {
        var state = env.NewStateDirectory("follow-state");
        var zwarm = new ZwarmProcess(env);
        var spawned = Path.Combine(env.TempDirectory, "follow-spawn.json");
        zwarm.RunChecked(["spawn", "--json", "--state-dir", state, "hold the turn open @sleep=600"], spawned);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(spawned));
        var id = doc.RootElement.GetProperty("id").GetString()!;
        var turnFile = Path.Combine(state, "sessions", id, "turns", "turn_1.jsonl");
        Poll.Until(() => File.Exists(turnFile) && File.ReadAllLines(turnFile).Length >= 2, TimeSpan.FromSeconds(60),
            "the fake agent's first lines");

        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentDictionary<string, double>();
        using var follower = StartFollower(env, id, state);
        try
        {
            var reader = new Thread(() =>
            {
                while (follower.StandardOutput.ReadLine() is { } line)
                {
                    arrivals[line] = clock.Elapsed.TotalMilliseconds;
                }
            }) { IsBackground = true };
            reader.Start();
            Poll.Until(() => arrivals.Count >= 2, TimeSpan.FromSeconds(30), "the follower's first lines");

            var delays = new List<double>();
            var lost = 0;
            var random = new Random(42);
            using (var append = new FileStream(turnFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                for (var seq = 1; seq <= Probes; seq++)
                {
                    Thread.Sleep(random.Next(20, 150));
                    var line = $"{{\"type\":\"bench.probe\",\"seq\":{seq}}}";
                    var bytes = Encoding.UTF8.GetBytes(line + "\n");
                    var sent = clock.Elapsed.TotalMilliseconds;
                    append.Write(bytes);
                    append.Flush();
                    if (Poll.Until(() => arrivals.ContainsKey(line), LineTimeout, null))
                    {
                        delays.Add(arrivals[line] - sent);
                    }
                    else
                    {
                        lost++;
                    }
                }
            }

            // Ending the turn ends the follower by itself.
            zwarm.Run(["kill", id, "--state-dir", state]);
            follower.WaitForExit(TimeSpan.FromSeconds(15));
            return (delays, lost);
        }
        finally
        {
            if (!follower.HasExited)
            {
                follower.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartFollower(BenchEnvironment env, string id, string state)
    {
        var psi = new ProcessStartInfo(env.EnsureZwarm())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { "logs", id, "--follow", "--raw", "--state-dir", state })
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env.ChildEnvironment)
        {
            psi.Environment[key] = value;
        }
        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
