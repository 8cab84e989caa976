// A table that fits the terminal: on a terminal each row is exactly one line no wider than the window (columns
// shortened, then hidden, by GridLayout); piped or with --wide, every column at its natural width, full text,
// columns separated by spaces and no trailing padding, so `zwarm ls | grep` and `| less` see whole rows.
// It is a Spectre renderable, so callers just `console.Write(...)` it: a terminal's console has the window's width,
// and one that is not a terminal has Terminal.PipeWidth, which means "no width".
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Zwarm.Cli.Rendering.Grids;

internal sealed class TextGrid(IReadOnlyList<GridColumn> columns, bool wide = false) : IRenderable
{
    private static readonly Style HeaderStyle = new(decoration: Decoration.Bold);
    private readonly List<GridCell[]> _rows = [];

    public IReadOnlyList<GridColumn> Columns => columns;

    /// <summary>Adds a row: one cell per column, in column order.</summary>
    public TextGrid AddRow(params GridCell[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"{cells.Length} cells for {columns.Count} columns", nameof(cells));
        }
        _rows.Add([.. cells.Select(c => c with { Text = Flatten(c.Text) })]);
        return this;
    }

    public Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(1, maxWidth), maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        Lines(maxWidth < Infrastructure.Terminal.PipeWidth && !wide ? maxWidth : null).SelectMany(line => line.Append(Segment.LineBreak));

    /// <summary>The rows as text, for tests and plain writers: fitted to <paramref name="width"/>, or natural when null.</summary>
    public IReadOnlyList<string> PlainLines(int? width) =>
        [.. Lines(width).Select(line => string.Concat(line.Select(s => s.Text)))];

    private IEnumerable<List<Segment>> Lines(int? width)
    {
        var present = columns.Select((c, i) => !c.OmitWhenEmpty || _rows.Any(r => r[i].Text.Length > 0)).ToList();
        var natural = columns.Select((c, i) => Math.Max(c.Header.GetCellWidth(), _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Text.GetCellWidth()))).ToList();
        var widths = GridLayout.Fit(columns, natural, present, width);
        yield return Line([.. columns.Select(c => new GridCell(c.Header, HeaderStyle))], widths, width);
        foreach (var row in _rows)
        {
            yield return Line(row, widths, width);
        }
    }

    private List<Segment> Line(GridCell[] cells, int[] widths, int? width)
    {
        var visible = Enumerable.Range(0, cells.Length).Where(i => widths[i] >= 0).ToList();
        var segments = new List<Segment>();
        var used = 0;
        for (var k = 0; k < visible.Count; k++)
        {
            var i = visible[k];
            var last = k == visible.Count - 1;
            var text = Cut(cells[i].Text, widths[i]);
            var pad = widths[i] - text.GetCellWidth();
            if (k > 0)
            {
                segments.Add(new Segment(new string(' ', GridLayout.Gap)));
                used += GridLayout.Gap;
            }
            if (columns[i].RightAligned && pad > 0)
            {
                segments.Add(new Segment(new string(' ', pad)));
                used += pad;
            }
            if (width is { } w && used + text.GetCellWidth() > w)
            {
                // Even the columns that are never hidden do not fit: cut the line at the window's edge.
                text = Cut(text, Math.Max(0, w - used));
            }
            segments.Add(new Segment(text, cells[i].Style ?? Style.Plain));
            used += text.GetCellWidth();
            if (!columns[i].RightAligned && !last && pad > 0)
            {
                segments.Add(new Segment(new string(' ', pad)));
                used += pad;
            }
            if (width is { } full && used >= full)
            {
                break;
            }
        }
        // An empty last cell would leave its gap behind: no line ends in spaces.
        while (segments.Count > 0 && string.IsNullOrWhiteSpace(segments[^1].Text))
        {
            segments.RemoveAt(segments.Count - 1);
        }
        return segments;
    }

    /// <summary><paramref name="text"/> cut to <paramref name="cells"/> terminal cells, ending in "…" when cut.</summary>
    internal static string Cut(string text, int cells)
    {
        if (text.GetCellWidth() <= cells)
        {
            return text;
        }
        if (cells <= 0)
        {
            return "";
        }
        var result = new System.Text.StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = rune.ToString().GetCellWidth();
            if (used + w > cells - 1)
            {
                break;
            }
            result.Append(rune.ToString());
            used += w;
        }
        return result.Append('…').ToString();
    }

    // One line per row, and no terminal control characters (TerminalText) in any cell.
    private static string Flatten(string text) => TerminalText.Safe(
        text.Contains('\n') || text.Contains('\r') || text.Contains('\t')
            ? text.ReplaceLineEndings(" ").Replace('\t', ' ').Trim()
            : text);
}
