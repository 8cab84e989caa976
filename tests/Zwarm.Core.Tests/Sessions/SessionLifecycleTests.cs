using System.Diagnostics;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionLifecycleTests : IDisposable
{
    private readonly FakeAgentWorld _world = new(killGrace: TimeSpan.FromSeconds(10));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Spawn_CompletesAndRecordsMessagesUsageAndResumeId()
    {
        var meta = await _world.SpawnAndWaitAsync("say hello");

        Assert.Equal(SessionStatus.Completed, meta.Status);
        Assert.Equal(0, meta.ExitCode);
        Assert.Null(meta.Error);
        Assert.Equal(["user", "assistant"], meta.Messages.Select(m => m.Role));
        Assert.Equal("fake reply #1 to: say hello", meta.Messages[1].Content);
        Assert.Equal(100, meta.TokenUsage["input_tokens"]);
        Assert.Equal(20, meta.TokenUsage["output_tokens"]);
        Assert.False(string.IsNullOrEmpty(meta.ResumeId));
        var turn = Assert.Single(meta.Turns);
        Assert.Equal(SessionStatus.Completed, turn.Status);
        Assert.NotNull(turn.EndedAt);
        Assert.Equal(_world.WorkDir, meta.WorkingDir);
    }

    [Fact]
    public async Task Continue_ResumesTheSameConversation_AndStoresPerTurnDeltas()
    {
        var first = await _world.SpawnAndWaitAsync("start");
        await _world.Sessions.ContinueAsync(first.Id[..8], "and more", CancellationToken.None);
        var second = await _world.WaitAsync(first.Id);

        Assert.Equal(SessionStatus.Completed, second.Status);
        Assert.Equal(2, second.Turn);
        Assert.Equal(first.ResumeId, second.ResumeId);
        // The fake agent numbers turns per conversation: #2 proves the resume reached the same one.
        Assert.Equal("fake reply #2 to: and more", second.Messages[^1].Content);
        // Codex-style cumulative usage (200/40 after turn 2) is stored as per-turn deltas and a correct total.
        Assert.Equal(100, second.Turns[1].Usage!.InputTokens);
        Assert.Equal(200, second.TokenUsage["input_tokens"]);
        Assert.Equal(40, second.TokenUsage["output_tokens"]);
        Assert.Equal(["user", "assistant", "user", "assistant"], second.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Continue_WhileRunning_IsRefused()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("@sleep=20"), CancellationToken.None);

        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.Sessions.ContinueAsync(meta.Id, "more", CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Contains("running", e.Message);
    }

    [Fact]
    public async Task FailedTurn_IsFailedWithTheAgentsMessageAndExitCode()
    {
        var meta = await _world.SpawnAndWaitAsync("@fail=model-exploded");

        Assert.Equal(SessionStatus.Failed, meta.Status);
        Assert.Equal(1, meta.ExitCode);
        Assert.Contains("model-exploded", meta.Error);
    }

    [Fact]
    public async Task ClaudeAdapter_UsesTheAgentsOwnCost()
    {
        var meta = await _world.SpawnAndWaitAsync("hi", adapter: "claude");

        Assert.Equal("claude_code", meta.Adapter);
        Assert.Equal(SessionStatus.Completed, meta.Status);
        Assert.Equal(0.001m, meta.CostUsd);
        Assert.Equal(meta.Id, meta.ResumeId);
    }

    [Fact]
    public async Task Kill_StopsTheTurn_AndTheSessionIsKilled()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);
        await WaitForRunningAgentAsync(meta);

        var result = await _world.Sessions.KillAsync(meta.Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Killed, result.Session.Status);
        Assert.Equal(KillOutcome.Interrupted, result.Outcome);
        var turn = result.Session.CurrentTurn!;
        Assert.False(ProcessInfo.IsAlive(turn.Pid!.Value, turn.PidStart, turn.BootId));
        Assert.Empty(ProcessInfo.GroupMembers(turn.Pid!.Value));
    }

    [Fact]
    public async Task Kill_AgentIgnoringSignals_EndsWithSigkill()
    {
        using var world = new FakeAgentWorld(killGrace: TimeSpan.FromMilliseconds(300));
        var meta = await world.Sessions.StartAsync(new StartRequest("@ignore-signals @sleep=30"), CancellationToken.None);
        await WaitForRunningAgentAsync(world, meta);

        var result = await world.Sessions.KillAsync(meta.Id, CancellationToken.None);

        Assert.Equal(KillOutcome.Killed, result.Outcome);
        Assert.Equal(SessionStatus.Killed, result.Session.Status);
        Assert.Empty(ProcessInfo.GroupMembers(result.Session.CurrentTurn!.Pid!.Value));
    }

    [Fact]
    public async Task ExternalKill_IsFailedWithTheSignalNamed_NeverCompleted()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);
        var agent = await WaitForRunningAgentAsync(meta);

        Process.GetProcessById(agent).Kill();
        var final = await _world.WaitAsync(meta.Id);

        Assert.Equal(SessionStatus.Failed, final.Status);
        Assert.Equal(137, final.ExitCode);
        Assert.Contains("SIGKILL", final.Error);
        Assert.Equal("SIGKILL", final.CurrentTurn!.Signal);
    }

    [Fact]
    public async Task Crash_IsFailed_AndTheTornLineIsCountedNotFatal()
    {
        var meta = await _world.SpawnAndWaitAsync("@crash");

        Assert.Equal(SessionStatus.Failed, meta.Status);
        Assert.NotEqual(0, meta.ExitCode);
        Assert.True(meta.CurrentTurn!.MalformedLines >= 1);
    }

    [Fact]
    public async Task TurnFinishingWhileNoZwarmRuns_IsRecordedByTheSupervisor()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("quick"), CancellationToken.None);
        var exitPath = _world.Sessions.Store.ExitPath(meta.Id, 1);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(exitPath))
        {
            await Task.Delay(20, cts.Token); // nobody refreshes the session meanwhile
        }
        Assert.Equal(SessionStatus.Running, _world.Sessions.Store.Load(meta.Id)!.Status);

        var later = await _world.NewService().GetAsync(meta.Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Completed, later.Status);
        Assert.Equal(0, later.ExitCode);
    }

    [Fact]
    public async Task RecycledPid_DoesNotMakeADeadSessionLookAlive()
    {
        var meta = await _world.SpawnAndWaitAsync("done");
        // Forge a running turn whose pid is alive (this test process) but whose start time is not ours.
        var me = ProcessInfo.TryGetStat(Environment.ProcessId)!;
        File.Delete(_world.Sessions.Store.ExitPath(meta.Id, 1));
        File.WriteAllText(_world.Sessions.Store.TurnPath(meta.Id, 1), ""); // a completed stream would rightly say completed
        _world.Sessions.Store.Write(SessionService.WithCurrentTurn(meta, t => t with
        {
            Status = SessionStatus.Running, Pid = Environment.ProcessId, PidStart = me.StartTime + 12345,
        }) with { Status = SessionStatus.Running });

        var refreshed = await _world.NewService().GetAsync(meta.Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Failed, refreshed.Status);
        Assert.Contains("without recording", refreshed.Error);
    }

    [Fact]
    public async Task FiftyConcurrentSessions_AreAllRecordedCompletely()
    {
        const int sessions = 50, lines = 200;
        var started = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i =>
            _world.Sessions.StartAsync(new StartRequest($"job {i} @lines={lines}"), CancellationToken.None)));
        var result = await _world.Sessions.WaitAsync(started.Select(s => s.Id).ToList(), WaitMode.All,
            TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.All(result.Sessions, s => Assert.Equal(SessionStatus.Completed, s.Status));
        foreach (var s in result.Sessions)
        {
            var numbered = s.Messages.Where(m => m.Role == "assistant" && m.Content.StartsWith("line ", StringComparison.Ordinal))
                .Select(m => int.Parse(m.Content[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(1, lines), numbered);
        }
        Assert.Equal(sessions, (await _world.Sessions.ListAsync(CancellationToken.None)).Sessions.Count);
    }

    [Fact]
    public async Task EnvironmentAndAdapterSettings_ReachTheAgent()
    {
        using var world = new FakeAgentWorld(extraEnv: new Dictionary<string, string?> { ["ZWARM_PROBE"] = "inherited-42" });
        var meta = await world.SpawnAndWaitAsync("@echo-env=ZWARM_PROBE");
        Assert.Equal("ZWARM_PROBE=inherited-42", meta.Messages[^1].Content);
    }

    [Fact]
    public async Task MissingAgentCli_IsAOneLineErrorWithTheInstallHint()
    {
        using var world = new FakeAgentWorld(codexExecutable: "/nonexistent/bin/codex");

        var e = await Assert.ThrowsAsync<ZwarmException>(() => world.Sessions.StartAsync(new StartRequest("x"), CancellationToken.None));

        Assert.Equal(ErrorKind.AgentMissing, e.Kind);
        Assert.Contains("zwarm agents install codex", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(world.Sessions.Store.EnumerateIds());
    }

    [Theory]
    [InlineData("", null, null, ErrorKind.Usage)]
    [InlineData("task", "aider", null, ErrorKind.Usage)]
    [InlineData("task", null, "/definitely/not/here", ErrorKind.Usage)]
    public async Task BadStartRequests_AreUsageErrors_AndCreateNothing(string task, string? adapter, string? dir, ErrorKind kind)
    {
        var e = await Assert.ThrowsAsync<ZwarmException>(() =>
            _world.Sessions.StartAsync(new StartRequest(task, adapter, WorkingDirectory: dir), CancellationToken.None));
        Assert.Equal(kind, e.Kind);
        Assert.Empty(_world.Sessions.Store.EnumerateIds());
    }

    [Fact]
    public async Task Remove_RefusesARunningSession_AndCleanNeverTouchesOne()
    {
        var running = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);
        var done = await _world.SpawnAndWaitAsync("done");

        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.Sessions.RemoveAsync(running.Id, force: false, CancellationToken.None));
        var cleaned = await _world.Sessions.CleanAsync(TimeSpan.Zero, dryRun: false, CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Equal(done.Id, Assert.Single(cleaned).Id);
        Assert.True(_world.Sessions.Store.Exists(running.Id));
        Assert.False(_world.Sessions.Store.Exists(done.Id));
    }

    // The agent is the supervisor's child; returns its pid once it runs.
    private Task<int> WaitForRunningAgentAsync(SessionMeta meta) => WaitForRunningAgentAsync(_world, meta);

    private static async Task<int> WaitForRunningAgentAsync(FakeAgentWorld world, SessionMeta meta)
    {
        var supervisor = meta.CurrentTurn!.Pid!.Value;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var agent = ProcessInfo.Descendants(supervisor).FirstOrDefault(p =>
                (ProcessInfo.TryGetCommandLine(p.Pid) ?? "").Contains("fake-agent", StringComparison.Ordinal));
            if (agent is not null && File.ReadAllText(world.Sessions.Store.TurnPath(meta.Id, 1)).Length > 0)
            {
                return agent.Pid;
            }
            await Task.Delay(20, cts.Token);
        }
    }
}
