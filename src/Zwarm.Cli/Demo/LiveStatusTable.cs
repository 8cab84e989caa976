// The compact table the demo redraws while sessions run: narrow enough for an 80-column terminal (the task column
// takes what is left), unlike the full `ls` table shown afterwards.
using Spectre.Console;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Demo;

internal static class LiveStatusTable
{
    public static Table Build(IReadOnlyList<SessionSummary> sessions, DateTimeOffset now, int width)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("ID");
        table.AddColumn("STATUS");
        table.AddColumn("ADAPTER");
        table.AddColumn(new TableColumn("TIME").RightAligned());
        table.AddColumn(new TableColumn("TOKENS").RightAligned());
        table.AddColumn("TASK");
        var taskWidth = Math.Clamp(width - 62, 16, 80);
        foreach (var s in sessions)
        {
            table.AddRow(
                $"[bold]{Format.ShortId(s.Id)}[/]",
                Format.StatusMarkup(s.Status),
                Markup.Escape(s.Adapter),
                // How long it ran: up to now while running, up to its last update once stopped.
                Format.Age(s.CreatedAt, s.Status.IsStopped() ? Timestamps.Parse(s.UpdatedAt) ?? now : now),
                Format.Tokens(s.InputTokens + s.OutputTokens),
                Markup.Escape(Format.OneLine(s.Task, taskWidth)));
        }
        return table;
    }
}
