// Stopping sessions: mark the kill (so the turn ends as `killed`, not `failed`), then interrupt / terminate /
// kill the turn's process group, then finalize from the facts.
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>Stops a running session. Returns the final state and how hard it had to push.</summary>
    public async Task<KillResult> KillAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = Store.Resolve(idOrPrefix);
        TurnInfo? turn;
        using (await Store.LockAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var meta = RefreshLocked(LoadOrThrow(id));
            if (meta.Status.IsStopped())
            {
                return new KillResult(meta, KillOutcome.NotRunning);
            }
            meta = WithCurrentTurn(meta, t => t with { KillRequestedAt = Timestamps.Now(Time) }) with
            {
                UpdatedAt = Timestamps.Now(Time),
            };
            Store.Write(meta);
            turn = meta.CurrentTurn;
        }

        var outcome = KillOutcome.NotRunning;
        if (turn?.Pid is { } pid)
        {
            var grace = _context.Config.Executor.KillGrace;
            outcome = await _killer.KillAsync(pid, turn.PidStart, turn.BootId, grace, grace, cancellationToken)
                .ConfigureAwait(false);
        }

        using (await Store.LockAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var final = RefreshLocked(LoadOrThrow(id));
            return new KillResult(final, outcome);
        }
    }

    /// <summary>Kills every running session of this store. Other processes on the machine are never touched.</summary>
    public async Task<IReadOnlyList<KillResult>> KillAllAsync(CancellationToken cancellationToken)
    {
        var running = (await ListAsync(cancellationToken).ConfigureAwait(false)).Sessions
            .Where(s => !s.Status.IsStopped()).ToList();
        var kills = running.Select(s => KillAsync(s.Id, cancellationToken));
        return await Task.WhenAll(kills).ConfigureAwait(false);
    }
}

/// <summary>The outcome of a kill: the session as stored afterwards and which signal ended it.</summary>
public sealed record KillResult(SessionMeta Session, KillOutcome Outcome);
