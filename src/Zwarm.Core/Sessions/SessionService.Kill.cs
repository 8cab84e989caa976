// Stopping sessions: mark the kill, then interrupt / terminate / kill the turn's processes, then finalize from the
// facts. Only what /proc proves to be the turn's is signalled (TurnProcesses; the adapter for Python-zwarm sessions):
// a crafted meta.json naming pid 1 or a foreign process gets a refusal, never a signal. The outcome reports what
// happened, not what was tried: a turn that completed on its own despite the signal is `completed` / Finished.
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>Stops a running session. Returns the final state and what ended it.</summary>
    public async Task<KillResult> KillAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = Store.Resolve(idOrPrefix);
        KillPlan? plan;
        Func<bool> isOver;
        TurnHandle? handle;
        using (await Store.LockAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var recorded = LoadOrThrow(id);
            var refusal = recorded.Status.IsStopped() ? null : RefusalFor(recorded);
            var meta = RefreshLocked(recorded, cancellationToken);
            if (meta.Status.IsStopped())
            {
                return new KillResult(meta, refusal is null ? KillOutcome.NotRunning : KillOutcome.Refused, refusal);
            }
            (plan, isOver) = PlanKill(meta);
            handle = meta.CurrentTurn is null ? null : LookAtTurn(meta).Handle;
            if (plan is null)
            {
                return RefusalFor(meta) is { } reason
                    ? new KillResult(meta, KillOutcome.Refused, reason)
                    : new KillResult(meta, KillOutcome.NotRunning, "no process of the turn was found yet (it is still starting); try again");
            }
            if (meta.CurrentTurn is not null)
            {
                meta = WithCurrentTurn(meta, t => t with { KillRequestedAt = Timestamps.Now(Time) }) with
                {
                    UpdatedAt = Timestamps.Now(Time),
                };
                Store.Write(meta);
            }
        }

        var grace = _context.Config.Executor.KillGrace;
        var outcome = await _killer.KillAsync(plan, isOver, grace, grace, cancellationToken).ConfigureAwait(false);

        KillResult result;
        using (await Store.LockAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var final = RefreshLocked(LoadOrThrow(id), cancellationToken);
            // The facts win: a turn that completed was not stopped by our signal, whatever we sent.
            if (final.Status == SessionStatus.Completed && outcome != KillOutcome.NotRunning)
            {
                outcome = KillOutcome.Finished;
            }
            result = new KillResult(final, outcome);
        }
        // The supervisor outlives the agent by its finalizer (`zwarm __finalize`, which waited for the lock we just
        // released): a kill returns when nothing of the turn is left, not merely when its exit is recorded.
        if (handle is not null)
        {
            var deadline = Time.GetUtcNow() + GroupExitWait;
            while (TurnProcesses.IsAlive(handle) && Time.GetUtcNow() < deadline)
            {
                await Task.Delay(GroupExitPoll, Time, cancellationToken).ConfigureAwait(false);
            }
        }
        return result;
    }

    /// <summary>How long a kill waits for the turn's last processes (the supervisor and its finalizer) to exit.</summary>
    private static readonly TimeSpan GroupExitWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan GroupExitPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Kills every running session of this store. Other processes on the machine are never touched.</summary>
    public async Task<IReadOnlyList<KillResult>> KillAllAsync(CancellationToken cancellationToken)
    {
        var running = (await ListAsync(cancellationToken).ConfigureAwait(false)).Sessions
            .Where(s => !s.Status.IsStopped()).ToList();
        var kills = running.Select(s => KillAsync(s.Id, cancellationToken));
        return await Task.WhenAll(kills).ConfigureAwait(false);
    }

    /// <summary>What may be signalled for a running session, and how to tell the turn is over; null plan when nothing is proven.</summary>
    private (KillPlan? Plan, Func<bool> IsOver) PlanKill(SessionMeta meta)
    {
        if (meta.CurrentTurn is not { } turn)
        {
            return (LegacyKillPlan(meta), () => !IsLegacyAlive(meta));
        }
        var look = LookAtTurn(meta);
        if (look.Handle is not { } handle || !TurnProcesses.Prove(handle).IsAlive)
        {
            return (null, () => true);
        }
        var exitPath = Store.ExitPath(meta.Id, turn.Turn);
        return (new KillPlan(handle.ProcessGroup, TurnProcesses.OutsideTheGroup(handle)),
            () => File.Exists(exitPath) || !TurnProcesses.IsAlive(handle));
    }

    /// <summary>Why the process meta.json names is not signalled, when a live process sits there but fails the proof.</summary>
    private string? RefusalFor(SessionMeta meta)
    {
        if (meta.CurrentTurn is { Pid: { } pid } turn)
        {
            var reason = TurnProcesses.Prove(new TurnHandle(pid, turn.LaunchToken, turn.PidStart, turn.BootId)).Refusal;
            return reason is null ? null : $"not signalled: {reason}";
        }
        if (meta.CurrentTurn is null && meta.Pid is { } legacyPid && ProcessInfo.IsAlive(legacyPid, null, null)
            && LegacyKillPlan(meta) is null)
        {
            return $"not signalled: pid {legacyPid} is not a {meta.Adapter} process of this user";
        }
        return null;
    }
}

/// <summary>The outcome of a kill: the session as stored afterwards, what ended it, and why nothing was signalled if so.</summary>
public sealed record KillResult(SessionMeta Session, KillOutcome Outcome, string? Note = null);
