using Spectre.Console;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class SessionTable
{
    public static Table Build(IEnumerable<SessionSummary> sessions, DateTimeOffset now)
    {
        var rows = sessions as IReadOnlyCollection<SessionSummary> ?? sessions.ToList();
        // Isolated sessions add a column: their branch and lines changed (recorded at each checkpoint, no git run).
        var isolated = rows.Any(s => s.Branch is not null);
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
        if (isolated)
        {
            table.AddColumn("BRANCH");
        }
        foreach (var s in rows)
        {
            var cells = new List<string>
            {
                $"[bold]{Format.ShortId(s.Id)}[/]",
                Format.StatusMarkup(s.Status),
                Markup.Escape(s.Adapter),
                Markup.Escape(string.IsNullOrEmpty(s.Model) ? "(default)" : s.Model),
                s.Turns.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(Format.OneLine(s.Task, 48)),
                Format.Age(s.CreatedAt, now),
                Format.Tokens(s.InputTokens + s.OutputTokens),
                Format.Cost(s.CostUsd),
                Markup.Escape(Format.Source(s.Source)),
            };
            if (isolated)
            {
                cells.Add(s.Branch is null ? "" : $"{Markup.Escape(s.Branch)} [green]+{s.LinesAdded ?? 0}[/] [red]-{s.LinesRemoved ?? 0}[/]");
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }
}
