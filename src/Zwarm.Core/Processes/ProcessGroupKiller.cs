// Stops a turn: interrupt, bounded wait, terminate, bounded wait, then kill the whole process group and the turn's
// processes outside it. It signals only what a KillPlan names (proven by TurnProcesses or the agent's adapter), never
// pid 0/1 or zwarm's own group, and stops escalating as soon as the caller says the turn is over (its exit record
// exists, or none of its processes lives).
namespace Zwarm.Core.Processes;

internal sealed class ProcessGroupKiller
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;

    public ProcessGroupKiller(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Signals <paramref name="plan"/> until <paramref name="isOver"/> holds. Returns the signal that ended it.</summary>
    public async Task<KillOutcome> KillAsync(KillPlan plan, Func<bool> isOver, TimeSpan interruptGrace,
        TimeSpan terminateGrace, CancellationToken cancellationToken)
    {
        if (isOver())
        {
            return KillOutcome.NotRunning;
        }

        // SIGINT goes to the group only (an agent's tools in other groups are not interrupted, as a terminal would not).
        Send(plan, Native.SIGINT, others: plan.ProcessGroup is null);
        if (await WaitAsync(isOver, interruptGrace, cancellationToken).ConfigureAwait(false))
        {
            return KillOutcome.Interrupted;
        }

        Send(plan, Native.SIGTERM, others: true);
        if (await WaitAsync(isOver, terminateGrace, cancellationToken).ConfigureAwait(false))
        {
            return KillOutcome.Terminated;
        }

        Send(plan, Native.SIGKILL, others: true);
        await WaitAsync(isOver, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return KillOutcome.Killed;
    }

    private static void Send(KillPlan plan, int signal, bool others)
    {
        if (plan.ProcessGroup is { } pgid && TurnProcesses.IsSafeTarget(pgid))
        {
            Native.KillGroup(pgid, signal);
        }
        if (!others)
        {
            return;
        }
        foreach (var p in plan.Others)
        {
            if (TurnProcesses.IsSafeTarget(p.Pid) && ProcessInfo.IsAlive(p.Pid, p.StartTime, null))
            {
                Native.Kill(p.Pid, signal);
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="isOver"/> to hold, without signalling.</summary>
    public Task<bool> WaitUntilOverAsync(Func<bool> isOver, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(isOver, timeout, cancellationToken);

    private async Task<bool> WaitAsync(Func<bool> isOver, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (!isOver())
        {
            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
