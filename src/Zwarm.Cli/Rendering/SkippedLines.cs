// Lines of a turn file the parser could not read (not JSON, over the line limit, binary garbage) are skipped, but
// not silently: where a person reads a turn (show, traj, logs), one note on stderr says how many were skipped.
// The count is the one recorded when the turn was finalized (TurnInfo.MalformedLines).
using System.Globalization;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class SkippedLines
{
    /// <summary>Writes "(turn N: K malformed lines skipped)" on stderr for each of <paramref name="turns"/> that had any.</summary>
    public static void Note(Terminal terminal, SessionMeta meta, IEnumerable<int> turns)
    {
        foreach (var n in turns)
        {
            if (meta.Turns.FirstOrDefault(t => t.Turn == n) is { MalformedLines: > 0 } info)
            {
                var count = info.MalformedLines.ToString(CultureInfo.InvariantCulture);
                terminal.Note($"(turn {n}: {count} malformed line{(info.MalformedLines == 1 ? "" : "s")} skipped)");
            }
        }
    }
}
