// The compact table the demo redraws while sessions run: one line per session at any width (the task takes what
// is left, then TOKENS and ADAPTER go), unlike the full `ls` table shown afterwards.
using Spectre.Console;
using Zwarm.Cli.Rendering;
using Zwarm.Cli.Rendering.Grids;

namespace Zwarm.Cli.Demo;

internal static class LiveStatusTable
{
    private static readonly Style Bold = new(decoration: Decoration.Bold);

    public static TextGrid Build(IReadOnlyList<SessionSummary> sessions, DateTimeOffset now)
    {
        var grid = new TextGrid(
        [
            new("ID"),
            new("STATUS"),
            new("ADAPTER", HidePriority: 40),
            new("TIME", HidePriority: 20, RightAligned: true),
            new("TOKENS", HidePriority: 30, RightAligned: true),
            new("TASK", HidePriority: 10, MinWidth: 16),
        ]);
        foreach (var s in sessions)
        {
            grid.AddRow(
                new GridCell(Format.ShortId(s.Id), Bold),
                new GridCell(s.Status.ToName(), Format.StatusStyle(s.Status)),
                s.Adapter,
                // How long it ran: up to now while running, up to its last update once stopped.
                Format.Age(s.CreatedAt, s.Status.IsStopped() ? Timestamps.Parse(s.UpdatedAt) ?? now : now),
                Format.Tokens(s.InputTokens + s.OutputTokens),
                s.Task);
        }
        return grid;
    }
}
