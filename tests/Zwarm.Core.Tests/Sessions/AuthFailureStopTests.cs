// A turn whose agent keeps retrying a refused key is ended by the next zwarm process that reads it, and recorded as
// failed with the agent's own line (the fake agent's @unauthorized retries a 401 for ever, like a CLI without a
// retry limit).
using System.Diagnostics;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class AuthFailureStopTests
{
    [Theory]
    [InlineData("codex", "unexpected status 401 Unauthorized: Incorrect API key provided")]
    [InlineData("claude_code", "401")]
    public async Task ARetried401_EndsTheTurnAsFailed_WithTheAgentsLine_LongBeforeTheTimeout(string adapter, string expected)
    {
        using var world = new FakeAgentWorld(killGrace: TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        var meta = await world.SpawnAndWaitAsync("say hello @unauthorized", adapter);

        Assert.Equal(SessionStatus.Failed, meta.Status);
        Assert.Contains(expected, meta.Error);
        Assert.Null(meta.CurrentTurn!.KillRequestedAt);
        Assert.Equal(SessionStatus.Failed, meta.CurrentTurn.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        // Any later reader sees the same recorded outcome.
        Assert.Equal(SessionStatus.Failed, (await world.NewService().GetAsync(meta.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task AHealthyRunningTurn_IsLeftAlone()
    {
        using var world = new FakeAgentWorld();
        var gate = Path.Combine(world.WorkDir, "go");
        var started = await world.Sessions.StartAsync(new StartRequest($"work @stream=3 @wait-file={gate}"), CancellationToken.None);

        var running = await world.Sessions.GetAsync(started.Id, CancellationToken.None);
        Assert.Equal(SessionStatus.Running, running.Status);
        File.WriteAllText(gate, "");

        Assert.Equal(SessionStatus.Completed, (await world.WaitAsync(started.Id)).Status);
    }
}
