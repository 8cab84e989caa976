// `workers` as a table that fits 80 columns: long names, labels and agent lists are cut with an ellipsis.
using System.Globalization;
using System.Text;
using Zwarm.Cluster.Workers;

namespace Zwarm.Worker.Rendering;

internal static class WorkersTable
{
    private static readonly (string Title, int Width)[] Columns =
        [("NAME", 10), ("ADDRESS", 21), ("STATUS", 8), ("LOAD", 5), ("BEAT", 5), ("LABELS", 12), ("AGENTS", 13)];

    public const int Width = 80;

    public static void Write(TextWriter output, IReadOnlyList<WorkerRow> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("no workers have joined this cluster");
            return;
        }
        output.WriteLine(Line(Columns.Select(c => c.Title)));
        foreach (var row in rows)
        {
            output.WriteLine(Line([
                row.Name, row.Address, row.Status, Load(row), Age(row.HeartbeatAgeSeconds),
                Join(row.Labels), Join(row.Agents),
            ]));
        }
    }

    private static string Line(IEnumerable<string> cells)
    {
        var line = new StringBuilder(Width);
        foreach (var (cell, (_, width)) in cells.Zip(Columns))
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(Fit(cell, width).PadRight(width));
        }
        return line.ToString().TrimEnd();
    }

    internal static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Load(WorkerRow row) => row.MaxSessions is { } max
        ? $"{row.Running?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{max}"
        : "-";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(',', values);

    internal static string Age(double? seconds) => seconds switch
    {
        null => "-",
        < 120 => $"{seconds:0}s",
        < 7200 => $"{seconds / 60:0}m",
        < 172800 => $"{seconds / 3600:0}h",
        _ => $"{seconds / 86400:0}d",
    };
}
