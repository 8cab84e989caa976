// The steps of a session's trajectory as `traj` shows them, shared by `zwarm traj` (pretty and --json) and the
// REPL's `traj`. Streamed: a 100 MB turn never sits in memory.
using Spectre.Console;
using Zwarm.Core.Events;
using Zwarm.Core.Output;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class TrajectorySteps
{
    /// <summary>Lines of command/tool output shown per step unless --full.</summary>
    public const int SummaryOutputLines = 8;

    /// <inheritdoc cref="TrajectoryReader.Read"/>
    public static IEnumerable<TrajectoryStep> Read(SessionService sessions, SessionMeta meta, IEnumerable<int> turns,
        int? maxText, CancellationToken cancellationToken) => TrajectoryReader.Read(sessions, meta, turns, maxText, cancellationToken);

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
