using Spectre.Console;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class SessionTable
{
    public static Table Build(IEnumerable<SessionSummary> sessions, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("ID");
        table.AddColumn("STATUS");
        table.AddColumn("ADAPTER");
        table.AddColumn("MODEL");
        table.AddColumn(new TableColumn("TURNS").RightAligned());
        table.AddColumn("TASK");
        table.AddColumn(new TableColumn("AGE").RightAligned());
        table.AddColumn(new TableColumn("TOKENS").RightAligned());
        table.AddColumn(new TableColumn("COST").RightAligned());
        table.AddColumn("BY");
        foreach (var s in sessions)
        {
            table.AddRow(
                $"[bold]{Format.ShortId(s.Id)}[/]",
                Format.StatusMarkup(s.Status),
                Markup.Escape(s.Adapter),
                Markup.Escape(string.IsNullOrEmpty(s.Model) ? "(default)" : s.Model),
                s.Turns.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(Format.OneLine(s.Task, 48)),
                Format.Age(s.CreatedAt, now),
                Format.Tokens(s.InputTokens + s.OutputTokens),
                Format.Cost(s.CostUsd),
                Markup.Escape(Format.Source(s.Source)));
        }
        return table;
    }
}
