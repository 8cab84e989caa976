// Waits on facts a turn leaves in /proc and in its files (each bounded, polling in 20 ms steps), shared by the
// supervisor and lifecycle tests.
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Support;

public static class TurnWaits
{
    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting for {what}");
            }
            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>The fake agent process of a turn (a member of the turn's process group), once it has written output.</summary>
    public static async Task<ProcessStat> AgentAsync(FakeAgentWorld world, string id, int pgid, int turn = 1)
    {
        ProcessStat? agent = null;
        await UntilAsync(() =>
        {
            // The supervisor (pid = pgid) names the agent in its own arguments: skip it.
            agent = ProcessInfo.GroupMembers(pgid).FirstOrDefault(p => p.Pid != pgid
                && (ProcessInfo.TryGetCommandLine(p.Pid) ?? "").Contains("fake-agent", StringComparison.Ordinal));
            return agent is not null && new FileInfo(world.Sessions.Store.TurnPath(id, turn)).Length > 0;
        }, "the fake agent to run");
        return agent!;
    }

    /// <summary>True while <paramref name="p"/> (same pid and start time) is alive.</summary>
    public static bool IsAlive(ProcessStat p) => ProcessInfo.IsAlive(p.Pid, p.StartTime, null);
}
