// Stops a turn: interrupt, bounded wait, terminate, bounded wait, then kill the whole process group and any
// descendant that moved to another group. Only ever signals the group of a supervisor whose pid AND start time
// match what zwarm recorded, so a recycled pid (someone else's process) is never touched.
namespace Zwarm.Core.Processes;

public sealed class ProcessGroupKiller
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;

    public ProcessGroupKiller(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>
    /// Stops the turn supervised by <paramref name="pid"/> (a process group leader). Returns what it took.
    /// </summary>
    public async Task<KillOutcome> KillAsync(int pid, long? startTime, string? bootId, TimeSpan interruptGrace,
        TimeSpan terminateGrace, CancellationToken cancellationToken)
    {
        if (!ProcessInfo.IsAlive(pid, startTime, bootId))
        {
            return KillOutcome.NotRunning;
        }

        // Remember every descendant now: after the agent dies its children may be reparented and lost from view.
        var descendants = ProcessInfo.Descendants(pid);

        Native.KillGroup(pid, Native.SIGINT);
        if (await WaitForExitAsync(pid, startTime, bootId, interruptGrace, cancellationToken).ConfigureAwait(false))
        {
            return KillOutcome.Interrupted;
        }

        Native.KillGroup(pid, Native.SIGTERM);
        SignalStragglers(descendants, Native.SIGTERM);
        if (await WaitForExitAsync(pid, startTime, bootId, terminateGrace, cancellationToken).ConfigureAwait(false))
        {
            return KillOutcome.Terminated;
        }

        Native.KillGroup(pid, Native.SIGKILL);
        SignalStragglers(descendants, Native.SIGKILL);
        await WaitForExitAsync(pid, startTime, bootId, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return KillOutcome.Killed;
    }

    // Descendants that left the group (e.g. a tool that called setsid) are signalled one by one, each only if it
    // is still the same process (same start time) as when we looked.
    private static void SignalStragglers(IReadOnlyList<ProcessStat> descendants, int signal)
    {
        foreach (var d in descendants)
        {
            if (ProcessInfo.IsAlive(d.Pid, d.StartTime, null))
            {
                Native.Kill(d.Pid, signal);
            }
        }
    }

    private async Task<bool> WaitForExitAsync(int pid, long? startTime, string? bootId, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (ProcessInfo.IsAlive(pid, startTime, bootId))
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

public enum KillOutcome
{
    /// <summary>Nothing was running.</summary>
    NotRunning,
    /// <summary>SIGINT was enough.</summary>
    Interrupted,
    /// <summary>SIGTERM was needed.</summary>
    Terminated,
    /// <summary>SIGKILL was needed.</summary>
    Killed,
}
