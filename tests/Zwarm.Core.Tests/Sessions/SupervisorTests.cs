// The supervisor's guarantees, through the real launcher and the fake agent: a turn is findable and killable from the
// moment it exists, an agent that still runs is never shown stopped, the facts (not the kill request) decide the
// outcome, and nothing but the turn's own processes is ever signalled.
using System.Diagnostics;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Xunit.Abstractions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SupervisorTests : IDisposable
{
    private readonly FakeAgentWorld _world = new(killGrace: TimeSpan.FromSeconds(10));
    private readonly ITestOutputHelper _output;

    public SupervisorTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => _world.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task ZwarmDyingBetweenLaunchAndMetaWrite_LeavesARunningKillableSession()
    {
        // What spawn does up to the launch, then "dies": the pid never reaches meta.json.
        var (id, token) = CreatePendingSession("@sleep=30");
        var spec = new ProcessSpec(FakeAgentWorld.FakeAgentPath, ["exec", "--json", "--", "@sleep=30"], _world.WorkDir,
            new Dictionary<string, string?>());
        var launched = new DetachedLauncher(_world.Context.Environment)
            .Launch(spec, new TurnLaunch(_world.Sessions.Store.TurnsDirectory(id), 1, token));
        var agent = await TurnWaits.AgentAsync(_world, id, launched.Pid);

        var seen = await _world.NewService().GetAsync(id, CancellationToken.None);

        Assert.Equal(SessionStatus.Running, seen.Status);
        Assert.Equal(launched.Pid, seen.CurrentTurn!.Pid);
        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.NewService().ContinueAsync(id, "again", CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, e.Kind);

        var killed = await _world.NewService().KillAsync(id, CancellationToken.None);

        Assert.Equal(SessionStatus.Killed, killed.Session.Status);
        Assert.Equal(KillOutcome.Interrupted, killed.Outcome);
        Assert.False(TurnWaits.IsAlive(agent));
    }

    [Fact(Timeout = 60_000)]
    public async Task SupervisorKilledWithSigkill_AgentStillRuns_SessionRunningThenKillStopsTheGroup()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);
        var pgid = meta.CurrentTurn!.Pid!.Value;
        var agent = await TurnWaits.AgentAsync(_world, meta.Id, pgid);

        Native.Kill(pgid, Native.SIGKILL);
        await TurnWaits.UntilAsync(() => !ProcessInfo.IsAlive(pgid, meta.CurrentTurn.PidStart, null), "the supervisor to die");

        var seen = await _world.NewService().GetAsync(meta.Id, CancellationToken.None);
        Assert.Equal(SessionStatus.Running, seen.Status);
        Assert.True(TurnWaits.IsAlive(agent));

        var killed = await _world.NewService().KillAsync(meta.Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Killed, killed.Session.Status);
        Assert.NotEqual(KillOutcome.NotRunning, killed.Outcome);
        Assert.False(TurnWaits.IsAlive(agent));
        Assert.Empty(ProcessInfo.GroupMembers(pgid));
    }

    [Fact(Timeout = 180_000)]
    public async Task KillRacingANaturalExit_IsNeverKilledWithExitZero()
    {
        const int rounds = 20;
        var outcomes = new List<(SessionStatus Status, int? Exit, KillOutcome Outcome)>();
        for (var i = 0; i < rounds; i++)
        {
            var release = Path.Combine(_world.WorkDir, $"release-{i}");
            var meta = await _world.Sessions.StartAsync(new StartRequest($"@wait-file={release}"), CancellationToken.None);
            await TurnWaits.AgentAsync(_world, meta.Id, meta.CurrentTurn!.Pid!.Value);

            // Alternate who starts first, so both sides of the race are taken.
            if (i % 2 == 0)
            {
                File.WriteAllText(release, "");
            }
            var kill = _world.Sessions.KillAsync(meta.Id, CancellationToken.None);
            File.WriteAllText(release, "");
            var result = await kill;
            outcomes.Add((result.Session.Status, result.Session.ExitCode, result.Outcome));
        }

        _output.WriteLine(string.Join(", ", outcomes.GroupBy(o => (o.Status, o.Outcome)).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.All(outcomes, o =>
        {
            Assert.False(o.Status == SessionStatus.Killed && o.Exit == 0, $"recorded killed (exit 0): {o}");
            Assert.True(o.Status is SessionStatus.Completed or SessionStatus.Killed, $"unexpected {o}");
            if (o.Status == SessionStatus.Completed)
            {
                Assert.Equal(0, o.Exit);
                Assert.Contains(o.Outcome, new[] { KillOutcome.Finished, KillOutcome.NotRunning });
            }
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task AgentIgnoringSigintAndFinishing_IsCompleted_NotStoppedBySigint()
    {
        var release = Path.Combine(_world.WorkDir, "release");
        var meta = await _world.Sessions.StartAsync(new StartRequest($"@ignore-signals @wait-file={release}"), CancellationToken.None);
        await TurnWaits.AgentAsync(_world, meta.Id, meta.CurrentTurn!.Pid!.Value);
        var stderr = _world.Sessions.Store.StderrPath(meta.Id, 1);

        var kill = _world.Sessions.KillAsync(meta.Id, CancellationToken.None);
        await TurnWaits.UntilAsync(() => File.ReadAllText(stderr).Contains("ignored SIGINT", StringComparison.Ordinal), "the agent to ignore SIGINT");
        File.WriteAllText(release, "");
        var result = await kill;

        Assert.Equal(SessionStatus.Completed, result.Session.Status);
        Assert.Equal(0, result.Session.ExitCode);
        Assert.Equal(KillOutcome.Finished, result.Outcome);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("pid1", true)]
    [InlineData("foreign", true)]
    [InlineData("foreign", false)] // no token: a turn of an older zwarm must be its supervisor script
    [InlineData("python", false)] // a Python-zwarm session must name a live agent CLI (the adapter decides)
    public async Task CraftedMetaJson_NeverSignalsAForeignProcess(string target, bool withToken)
    {
        using var foreign = Process.Start(new ProcessStartInfo(ExecutableResolver.Setsid, ["sleep", "60"]))!;
        try
        {
            await TurnWaits.UntilAsync(() => ProcessInfo.TryGetArguments(foreign.Id) is ["sleep", ..], "the foreign sleep to start");
            var stat = ProcessInfo.TryGetStat(foreign.Id)!;
            Assert.Equal(stat.Pid, stat.Session); // it even looks like a supervisor: its own session and group
            var done = await _world.SpawnAndWaitAsync("done");
            File.Delete(_world.Sessions.Store.ExitPath(done.Id, 1));
            File.WriteAllText(_world.Sessions.Store.TurnPath(done.Id, 1), "");
            var pid = target == "pid1" ? 1 : stat.Pid;
            var crafted = target == "python"
                ? done with { Status = SessionStatus.Running, Pid = pid, Turns = [] } // a Python-zwarm session: only a pid
                : SessionService.WithCurrentTurn(done, t => t with
                {
                    Status = SessionStatus.Running, Pid = pid, PidStart = target == "pid1" ? null : stat.StartTime,
                    BootId = ProcessInfo.BootId, LaunchToken = withToken ? t.LaunchToken : null,
                }) with { Status = SessionStatus.Running, Pid = pid };
            _world.Sessions.Store.Write(crafted);

            var direct = await _world.NewService().KillAsync(done.Id, CancellationToken.None);
            _world.Sessions.Store.Write(crafted);
            var all = await _world.NewService().KillAllAsync(CancellationToken.None);

            Assert.Equal(KillOutcome.Refused, direct.Outcome);
            Assert.StartsWith("not signalled: ", direct.Note);
            Assert.Contains($"pid {pid} ", direct.Note);
            Assert.True(direct.Session.Status.IsStopped()); // nothing of the turn lives
            Assert.DoesNotContain(all, r => r.Outcome is KillOutcome.Interrupted or KillOutcome.Terminated or KillOutcome.Killed);
            Assert.True(ProcessInfo.IsAlive(stat.Pid, stat.StartTime, null), "the foreign process was signalled");
        }
        finally
        {
            foreign.Kill();
            await foreign.WaitForExitAsync();
        }
    }

    [Fact(Timeout = 60_000)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TurnFilesArePrivate_WhileTheAgentKeepsTheUsersUmask()
    {
        var reference = Path.Combine(_world.WorkDir, "reference.txt");
        File.WriteAllText(reference, "made by the test, under the user's umask");
        var meta = await _world.SpawnAndWaitAsync("@write=by-agent.txt");

        Assert.Equal(SessionStatus.Completed, meta.Status);
        Assert.Equal(File.GetUnixFileMode(reference), File.GetUnixFileMode(Path.Combine(_world.WorkDir, "by-agent.txt")));
        var turns = _world.Sessions.Store.TurnsDirectory(meta.Id);
        foreach (var name in new[] { "turn_1.jsonl", "turn_1.stderr", "turn_1.pid", "turn_1.exit.json" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(turns, name)));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("empty")] // ENOSPC while the old supervisor wrote the record
    [InlineData("garbage")]
    [InlineData("unrenamed")] // the record is in the reserved .tmp: the rename failed
    public async Task LostExitRecord_WithACompletedStream_IsCompleted_NotKilledFromOutside(string damage)
    {
        var done = await _world.SpawnAndWaitAsync("finish");
        var exit = _world.Sessions.Store.ExitPath(done.Id, 1);
        switch (damage)
        {
            case "empty": File.WriteAllText(exit, ""); break;
            case "garbage": File.WriteAllText(exit, "{\"exit_co"); break;
            default: File.Move(exit, exit + ".tmp"); break;
        }
        _world.Sessions.Store.Write(SessionService.WithCurrentTurn(done, t => t with { Status = SessionStatus.Running })
            with { Status = SessionStatus.Running, Messages = [done.Messages[0]] });

        var seen = await _world.NewService().GetAsync(done.Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Completed, seen.Status);
        Assert.Null(seen.Error);
        Assert.Equal(damage == "unrenamed" ? 0 : null, seen.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task TurnEndHooks_SeeTheFinalStatus_AndWhatTheyRecordIsWritten()
    {
        var hook = new RecordingHook();
        var sessions = new SessionService(_world.Context, turnEndHooks: [hook]);
        var meta = await sessions.StartAsync(new StartRequest("hooked"), CancellationToken.None);

        var final = (await sessions.WaitAsync([meta.Id], WaitMode.All, TimeSpan.FromSeconds(30), CancellationToken.None)).Sessions[0];

        Assert.Equal([SessionStatus.Completed], hook.Seen);
        Assert.True(final.Extra!.ContainsKey("hooked"));
        Assert.True(sessions.Store.Load(meta.Id)!.Extra!.ContainsKey("hooked"));
    }

    private sealed class RecordingHook : ITurnEndHook
    {
        public List<SessionStatus> Seen { get; } = [];

        public SessionMeta OnTurnEnded(SessionMeta meta, CancellationToken cancellationToken)
        {
            Seen.Add(meta.Status);
            var extra = new Dictionary<string, System.Text.Json.JsonElement>(meta.Extra ?? [])
            {
                ["hooked"] = System.Text.Json.JsonDocument.Parse("true").RootElement.Clone(),
            };
            return meta with { Extra = extra };
        }
    }

    private (string Id, string Token) CreatePendingSession(string task)
    {
        var id = SessionId.New();
        var token = TurnToken.New();
        var now = Timestamps.Now(TimeProvider.System);
        _world.Sessions.Store.Create(new SessionMeta
        {
            Id = id, Task = task, Status = SessionStatus.Pending, WorkingDir = _world.WorkDir, CreatedAt = now, UpdatedAt = now,
            Adapter = "codex",
            Turns = [new TurnInfo { Turn = 1, Prompt = task, Status = SessionStatus.Pending, LaunchToken = token }],
        });
        return (id, token);
    }
}
