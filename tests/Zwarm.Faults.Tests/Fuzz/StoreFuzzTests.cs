// Issue 10 item 13, "nothing trusted from files on disk": thousands of seeded, reproducible damages to the files
// zwarm reads back (meta.json, turn files, exit records, pid files, the session index, an instance's state.json,
// links and special files in their place), each followed by every verb that reads them, run in-process through the
// same command tree and services as the CLI. None may end in exit 70 (an unexpected exception) or hang; the healthy
// session beside the damaged one is always listed; the canary (a foreign session leader of the same user, whose pid
// the cases plant) is never signalled; nothing outside the store is changed through a link. A sample of the cases
// also runs through the built `zwarm` executable (no stack trace on stderr).
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Core.Processes;
using Zwarm.Faults.Tests.Support;
using Xunit.Abstractions;

namespace Zwarm.Faults.Tests.Fuzz;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Seed = FaultSeed.Value;
    private const string Hung = "hung";
    private static readonly TimeSpan VerbLimit = TimeSpan.FromSeconds(20);

    private readonly Process _canary = StartCanary();

    /// <summary>Cases to run (ZWARM_FUZZ_CASES overrides, e.g. for a longer run by hand).</summary>
    private static int Cases => FaultSeed.Count("ZWARM_FUZZ_CASES", 300);

    public void Dispose()
    {
        _canary.Kill();
        _canary.Dispose();
    }

    [Fact]
    public async Task DamagedStoreFiles_NeverCrashAVerb_NorSignalAnUnprovenProcess()
    {
        using var store = await FuzzStore.CreateAsync();
        var pids = Pids();
        var failures = new List<string>();
        var verbs = 0;
        var clock = Stopwatch.StartNew();
        var spent = new Dictionary<string, TimeSpan>();
        for (var number = 0; number < Cases && failures.Count < 20; number++)
        {
            store.Restore();
            var fuzz = FuzzCase.Apply(Seed, number, store, pids);
            var outside = Snapshot(store.Outside);
            foreach (var args in fuzz.Verbs(store))
            {
                verbs++;
                var started = clock.Elapsed;
                var problem = await RunAsync(store, args);
                spent[args[0]] = spent.GetValueOrDefault(args[0]) + (clock.Elapsed - started);
                if (problem is not null)
                {
                    failures.Add($"{fuzz}: zwarm {string.Join(' ', args)}: {problem}");
                    if (problem.StartsWith(Hung, StringComparison.Ordinal))
                    {
                        break; // its thread still holds the damaged file
                    }
                }
            }
            if (!ProcessInfo.IsAlive(pids.Canary, pids.CanaryStart, null))
            {
                failures.Add($"{fuzz}: the canary (pid {pids.Canary}) was signalled");
                break;
            }
            if (Changed(outside, Snapshot(store.Outside)) is { } changed)
            {
                failures.Add($"{fuzz}: {changed} outside the store changed through a link");
            }
            if (!store.Store.Exists(store.Healthy))
            {
                failures.Add($"{fuzz}: the healthy session was removed");
                break;
            }
        }
        output.WriteLine($"{Cases} cases, {verbs} verb runs in {clock.Elapsed.TotalSeconds:0.0} s (seed {Seed}); by verb: " +
            string.Join(", ", spent.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s")));
        Assert.True(failures.Count == 0, $"seed {Seed}, {failures.Count} failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ASampleOfTheCases_ThroughTheExecutable_NeverExits70_NorPrintsAStackTrace()
    {
        using var store = await FuzzStore.CreateAsync();
        var pids = Pids();
        var failures = new List<string>();
        for (var number = 0; number < Cases; number += Math.Max(1, Cases / 6))
        {
            store.Restore();
            var fuzz = FuzzCase.Apply(Seed, number, store, pids);
            foreach (var args in fuzz.Verbs(store).Where(a => a[0] is "ls" or "show" or "traj" or "status" or "rm").Take(3))
            {
                var result = await store.World.RunProcessAsync(new Dictionary<string, string>(), args);
                if (result.ExitCode == 70 || LooksLikeACrash(result.Err))
                {
                    failures.Add($"{fuzz}: zwarm {string.Join(' ', args)}: exit {result.ExitCode}: {result.Err}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"seed {Seed}:\n" + string.Join("\n", failures));
        Assert.True(ProcessInfo.IsAlive(pids.Canary, pids.CanaryStart, null), "the canary was signalled");
    }

    // One verb in-process; null when it behaved (any exit but 70, no trace, in time), else what went wrong.
    private static async Task<string?> RunAsync(FuzzStore store, string[] args)
    {
        CliResult result;
        try
        {
            // On the thread pool, so a verb that blocks synchronously (a FIFO opened for reading) is reported, not a hang.
            result = await Task.Run(() => store.World.RunAsync(args)).WaitAsync(VerbLimit);
        }
        catch (TimeoutException)
        {
            return $"{Hung}: did not return within {VerbLimit.TotalSeconds} s";
        }
        catch (Exception e)
        {
            return $"threw {e}";
        }
        if (result.ExitCode == 70 || LooksLikeACrash(result.Err))
        {
            return $"exit {result.ExitCode}: {result.Err.Trim()}";
        }
        if (args is ["ls", "--json"] && !ListsHealthy(result.Out, store.Healthy))
        {
            return $"the healthy session is not listed (exit {result.ExitCode}): {result.Err.Trim()}";
        }
        return null;
    }

    private static bool ListsHealthy(string json, string healthy)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var sessions = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("sessions");
            return sessions.EnumerateArray().Any(s => s.GetProperty("id").GetString() == healthy);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool LooksLikeACrash(string stderr) =>
        stderr.Contains("internal error", StringComparison.Ordinal) || stderr.Contains("Unhandled exception", StringComparison.Ordinal)
        || stderr.Contains("   at ", StringComparison.Ordinal);

    private CraftedPids Pids()
    {
        var stat = ProcessInfo.TryGetStat(_canary.Id)!;
        Assert.Equal(stat.Pid, stat.Session); // a session leader: it looks like a supervisor
        return new CraftedPids(_canary.Id, stat.StartTime);
    }

    private static Process StartCanary()
    {
        var canary = Process.Start(new ProcessStartInfo("setsid", ["sleep", "infinity"]) { UseShellExecute = false })!;
        // setsid execs sleep in place (the child is no group leader); wait until it has.
        for (var i = 0; i < 200 && ProcessInfo.TryGetStat(canary.Id)?.Session != canary.Id; i++)
        {
            Thread.Sleep(10);
        }
        return canary;
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p), p => File.Exists(p) ? Convert.ToHexString(File.ReadAllBytes(p)) : "dir");

    private static string? Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.FirstOrDefault(b => !after.TryGetValue(b.Key, out var now) || now != b.Value).Key;
}
