// The steps of a session's trajectory as `traj` shows them, shared by `zwarm traj` (pretty and --json) and the
// REPL's `traj`. Streamed: a 100 MB turn never sits in memory.
using Spectre.Console;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class TrajectorySteps
{
    /// <summary>Lines of command/tool output shown per step unless --full.</summary>
    public const int SummaryOutputLines = 8;

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

    /// <summary>Writes the steps for people; returns how many there were.</summary>
    public static int Write(IAnsiConsole console, SessionService sessions, SessionMeta meta, IEnumerable<int> turns,
        bool full, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var step in Read(sessions, meta, turns, full ? null : Trajectory.DefaultMaxText, cancellationToken))
        {
            StepRenderer.Write(console, step, full ? null : SummaryOutputLines);
            count++;
        }
        return count;
    }
}
