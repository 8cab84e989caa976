// kill -9 at random moments (issue 10): each round SIGKILLs one of the processes a turn involves — the `zwarm`
// executable in the middle of spawn, continue, kill or rm; the turn's supervisor; the agent — at a seeded random
// delay, lets what survives finish, and then checks the whole store (StoreConsistency): meta.json parses, the status
// agrees with the exit record, the stream and the live processes, no lock is left held, no written line is lost.
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;
using Xunit.Abstractions;

namespace Zwarm.Faults.Tests.Kills;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KillNineLoopTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Seed = FaultSeed.Value;
    private const string TaskText = "@stream=5 count";
    private readonly FaultWorld _world = new();
    private readonly Dictionary<string, byte[]> _written = [];

    // How long each verb (and a whole turn) takes here and now, measured by a first run that is not killed: kill
    // points are drawn as a fraction of it, so they spread over the whole verb on a fast or a loaded machine alike.
    private readonly Dictionary<string, TimeSpan> _durations = [];

    private static int Rounds => FaultSeed.Count("ZWARM_KILL_ROUNDS", 30);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RandomSigkills_OfZwarm_TheSupervisor_OrTheAgent_LeaveAConsistentStore()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>();
        var turn = Stopwatch.StartNew();
        var done = await _world.SpawnAndWaitAsync(TaskText);
        _durations["turn"] = turn.Elapsed;
        for (var round = 0; round < Rounds; round++)
        {
            var fraction = random.NextDouble() * 1.2;
            var scenario = random.Next(6);
            var (outcome, delay) = scenario switch
            {
                0 => await KillZwarmAsync(fraction, "spawn", TaskText),
                1 => await KillZwarmAsync(fraction, "continue", (done = await StoppedAsync(done)).Id, TaskText),
                2 => await KillTurnProcessAsync(fraction * _durations["turn"], supervisor: true),
                3 => await KillTurnProcessAsync(fraction * _durations["turn"], supervisor: false),
                4 => await KillZwarmAsync(fraction, "kill", (await _world.NewService().StartAsync(new StartRequest(TaskText, "codex"), CancellationToken.None)).Id),
                _ => await KillZwarmAsync(fraction, "rm", (await _world.SpawnAndWaitAsync("done")).Id),
            };
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            await SettleAsync();
            // Checked as a zwarm started two minutes later would see it (a spawn killed before its launch is then
            // "never started", not pending).
            var later = _world.NewService(new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2)));
            var problems = await StoreConsistency.CheckAsync(later, _written, _world.Environment["FAKE_AGENT_HOME"]!);
            Assert.True(problems.Count == 0,
                $"seed {Seed}, round {round} ({outcome}, after {delay.TotalMilliseconds:0} ms):\n" + string.Join("\n", problems));
        }
        output.WriteLine($"{Rounds} rounds in {clock.Elapsed.TotalSeconds:0.0} s (seed {Seed}; measured: " +
            string.Join(", ", _durations.Select(d => $"{d.Key} {d.Value.TotalMilliseconds:0} ms")) + "): " +
            string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
    }

    // Runs `zwarm ARGS` as its own process and SIGKILLs it after `fraction` of the verb's measured duration (if it has
    // not exited by then); the verb's first run is not killed but measured.
    private async Task<(string, TimeSpan)> KillZwarmAsync(double fraction, params string[] args)
    {
        var measured = _durations.TryGetValue(args[0], out var duration);
        var delay = measured ? fraction * duration : TimeSpan.FromSeconds(60);
        var ran = Stopwatch.StartNew();
        var psi = new ProcessStartInfo(FaultWorld.ZwarmExecutable)
        {
            WorkingDirectory = _world.WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(args[0]);
        foreach (var a in args.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Clear();
        foreach (var (k, v) in _world.Environment.Where(e => e.Value is not null))
        {
            psi.Environment[k] = v;
        }
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var exited = await process.WaitForExitAsync().WaitAsync(delay).ContinueWith(t => t.IsCompletedSuccessfully);
        if (exited)
        {
            if (!measured)
            {
                _durations[args[0]] = ran.Elapsed;
            }
            return ($"zwarm {args[0]} {(measured ? "finished first" : "measured")}", delay);
        }
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        RememberWritten();
        return ($"zwarm {args[0]} killed", delay);
    }

    // Starts a turn in-process, then SIGKILLs its supervisor or its agent after `delay` (if still there).
    private async Task<(string, TimeSpan)> KillTurnProcessAsync(TimeSpan delay, bool supervisor)
    {
        var meta = await _world.NewService().StartAsync(new StartRequest(TaskText, "codex"), CancellationToken.None);
        await Task.Delay(delay);
        var turn = meta.CurrentTurn!;
        var target = supervisor
            ? (turn.Pid is { } pid && TurnProcesses.IsAlive(new TurnHandle(pid, turn.LaunchToken, turn.PidStart, turn.BootId)) ? pid : (int?)null)
            : TurnProcesses.Carriers(turn.LaunchToken!).FirstOrDefault(p =>
                ProcessInfo.TryGetArguments(p.Pid) is { } argv && argv.Any(a => a.EndsWith("fake-agent", StringComparison.Ordinal)))?.Pid;
        var name = supervisor ? "supervisor" : "agent";
        if (target is not { } victim || !Native.Kill(victim, Native.SIGKILL))
        {
            return ($"{name} finished first", delay);
        }
        RememberWritten();
        return ($"{name} killed", delay);
    }

    // A stopped session to continue (the previous round may have left it running).
    private async Task<SessionMeta> StoppedAsync(SessionMeta session)
    {
        var sessions = _world.NewService();
        if (!sessions.Store.Exists(session.Id))
        {
            return await _world.SpawnAndWaitAsync(TaskText);
        }
        var result = await sessions.WaitAsync([session.Id], WaitMode.All, TimeSpan.FromSeconds(30), CancellationToken.None);
        return result.Sessions[0];
    }

    // Lets every surviving turn end on its own (a killed zwarm or supervisor leaves the agent running to its end):
    // until no process carries the launch token of any session's current turn. Only /proc can tell, so it polls.
    private async Task SettleAsync()
    {
        var store = _world.NewService().Store;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (Tokens(store).Any(token => TurnProcesses.Carriers(token).Count > 0))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "a turn did not end within 30 s");
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string> Tokens(SessionStore store)
    {
        foreach (var id in store.EnumerateIds().ToList())
        {
            SessionMeta? meta;
            try
            {
                meta = store.Load(id);
            }
            catch (CorruptSessionException)
            {
                continue; // StoreConsistency reports it
            }
            if (meta?.CurrentTurn?.LaunchToken is { } token && TurnToken.IsValid(token))
            {
                yield return token;
            }
        }
    }

    // What the turn files hold right after a kill: none of it may be lost afterwards.
    private void RememberWritten()
    {
        var store = _world.NewService().Store;
        foreach (var id in store.EnumerateIds())
        {
            var turns = store.TurnsDirectory(id);
            if (!Directory.Exists(turns))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(turns, "turn_*.jsonl"))
            {
                _written[file] = File.ReadAllBytes(file);
            }
        }
    }
}
