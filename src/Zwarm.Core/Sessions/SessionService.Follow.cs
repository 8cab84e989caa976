// Following a running turn live (logs --follow, watch, the REPL).
using Zwarm.Core.Events;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>True once turn <paramref name="turn"/> of the session can produce no more output.</summary>
    public bool IsTurnFinished(SessionMeta meta, int turn)
    {
        if (turn < meta.Turn || File.Exists(Store.ExitPath(meta.Id, turn)))
        {
            return true;
        }
        var info = meta.Turns.FirstOrDefault(t => t.Turn == turn);
        if (info is null)
        {
            return meta.Status.IsStopped() || !IsLegacyAlive(meta);
        }
        // meta.json's pid, else the supervisor's pid file (the zwarm that launched the turn may have died first).
        return HandleOf(meta.Id, info) is { } handle ? !TurnProcesses.IsAlive(handle) : info.Status.IsStopped();
    }

    /// <summary>Raw lines of a turn's output: what is there now, then new lines as they come, until the turn ends.</summary>
    public IAsyncEnumerable<byte[]> FollowTurnAsync(SessionMeta meta, int turn, CancellationToken cancellationToken) =>
        FileFollower.FollowLinesAsync(Store.TurnPath(meta.Id, turn), () => IsTurnFinished(meta, turn), cancellationToken);
}
