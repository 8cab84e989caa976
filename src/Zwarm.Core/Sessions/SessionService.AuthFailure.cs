// A turn whose agent says its credential is missing or rejected (a 401, no key) cannot succeed, however long the CLI
// retries (Codex "Reconnecting... n/m", Claude Code's api_retry for minutes). Any zwarm process that reads such a
// running turn (wait, exec, show, ls) sees the adapter's auth-failure line in the turn's stderr or at the end of its
// stream, stops the turn's process group with the ordinary process-group killer, WITHOUT marking a kill request, so
// the turn is finalized from the facts as `failed` (not `killed`) with the agent's own line as its error.

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>Ends a running turn that shows an auth failure; returns the session as it stands afterwards.</summary>
    private async Task<SessionMeta> StopOnAuthFailureAsync(SessionMeta meta, CancellationToken cancellationToken)
    {
        if (meta.Status != SessionStatus.Running || meta.CurrentTurn is not { Pid: not null, KillRequestedAt: null }
            || !Agents.TryGet(meta.Adapter, out var adapter))
        {
            return meta;
        }
        if (AuthFailureScan.Find(adapter, Store.StderrPath(meta.Id, meta.Turn), Store.TurnPath(meta.Id, meta.Turn)) is null)
        {
            return meta;
        }
        // Only what /proc proves to be this turn's is signalled (the same plan as `kill`).
        var (plan, isOver) = PlanKill(meta);
        if (plan is null)
        {
            return meta;
        }
        // An agent that does not retry (Claude Code with retries off) prints its 401 and exits 1 by itself a moment
        // later; interrupting it in that moment made it exit 0 instead, and the turn lost its real exit code. So it
        // gets the grace to end on its own first; only one that keeps retrying is stopped.
        var grace = _context.Config.Executor.KillGrace;
        if (!await _killer.WaitUntilOverAsync(isOver, grace, cancellationToken).ConfigureAwait(false))
        {
            await _killer.KillAsync(plan, isOver, grace, grace, cancellationToken).ConfigureAwait(false);
        }
        using var _ = await Store.LockAsync(meta.Id, cancellationToken).ConfigureAwait(false);
        return RefreshLocked(Store.Load(meta.Id) ?? meta, cancellationToken);
    }
}
