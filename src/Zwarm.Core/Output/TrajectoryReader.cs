// The steps of a session's trajectory as `traj` shows them, shared by `zwarm traj` (pretty and --json), the REPL's
// `traj` and the dashboard. Streamed: a 100 MB turn never sits in memory.
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Output;

public static class TrajectoryReader
{
    /// <param name="maxText">Longest text kept per field; null keeps everything (--full).</param>
    public static IEnumerable<TrajectoryStep> Read(SessionService sessions, SessionMeta meta, IEnumerable<int> turns,
        int? maxText, CancellationToken cancellationToken)
    {
        foreach (var n in turns)
        {
            // Texts the steps shorten to maxText are read only that far (one more, to know they were cut).
            foreach (var e in sessions.ReadTurnEvents(meta, n, bulkTextLimit: maxText + 1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // In a finished turn each command appears once, with its result.
                if (e is CommandStarted && meta.Status.IsStopped())
                {
                    continue;
                }
                if (Trajectory.ToStep(e, n, maxText) is { } step)
                {
                    yield return step;
                }
            }
        }
    }
}
