// A step that runs when a turn's end is recorded: by whichever zwarm process finalizes the turn (the supervisor's
// own finalizer right after the agent exits, or else the next zwarm process that reads the session), under the
// session's lock, before the final status is written. Isolation's per-turn checkpoint commit is one: so the commit
// is made whether or not the zwarm process that started the turn is still alive.
namespace Zwarm.Core.Sessions;

public interface ITurnEndHook
{
    /// <summary>
    /// Returns <paramref name="meta"/> (whose current turn has just ended, with its final status) with whatever the
    /// hook records, or the same instance when there is nothing to record. Expected failures are recorded on the
    /// session, never thrown: finalizing a turn must not fail because of a hook.
    /// </summary>
    SessionMeta OnTurnEnded(SessionMeta meta, CancellationToken cancellationToken);
}
