// Prints the results as a Markdown table (readable as is in a terminal, and pasted as is into the README).
using System.Text;

namespace Zwarm.Bench.Reporting;

internal static class ResultTable
{
    private static readonly string[] Headers = ["figure", "python", "zwarm", "ratio", "target", "result"];

    public static string Render(IReadOnlyList<Figure> figures)
    {
        var rows = figures.Select(f => new[]
        {
            f.Name, f.Python, f.Zwarm, f.Ratio, f.Target, f.Pass switch { true => "PASS", false => "FAIL", null => "info" },
        }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();

        var text = new StringBuilder();
        Line(text, Headers, widths);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).Append("|\n");
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }
        var notes = figures.Where(f => f.Note.Length > 0).ToList();
        if (notes.Count > 0)
        {
            text.Append('\n');
            foreach (var f in notes)
            {
                text.Append("- ").Append(f.Name).Append(": ").Append(f.Note).Append('\n');
            }
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Count; i++)
        {
            text.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
        }
        text.Append('\n');
    }
}
