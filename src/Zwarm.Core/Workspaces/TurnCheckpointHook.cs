// After every turn of an isolated session: commit what the agent left in its worktree (the checkpoint), or finish
// the rebase a `merge --resolve` turn was resolving. Runs under the session lock, by whichever zwarm process
// finalizes the turn; expected failures are recorded on the workspace (its "problem"), never thrown.
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

internal sealed class TurnCheckpointHook(ZwarmContext context) : ITurnEndHook
{
    private Checkpointer? _checkpointer;

    public SessionMeta OnTurnEnded(SessionMeta meta, CancellationToken cancellationToken)
    {
        if (meta.Workspace is not { } workspace)
        {
            return meta;
        }
        _checkpointer ??= new Checkpointer(new GitRunner(context.Environment), context.Config.Worktree.CommitTurns);
        SessionWorkspace updated;
        try
        {
            // The hook contract is synchronous (it runs inside status refresh); git runs on the thread pool meanwhile.
            updated = Task.Run(() => _checkpointer.AfterTurnAsync(meta, workspace, cancellationToken), cancellationToken)
                .GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ZwarmException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            updated = workspace with { Problem = $"turn {meta.Turn}: no checkpoint: {e.Message}" };
        }
        return ReferenceEquals(updated, workspace) ? meta : meta with { Workspace = updated };
    }
}
