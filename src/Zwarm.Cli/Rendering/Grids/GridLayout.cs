// Fits a table to a width, the way `gh` and `docker ps` do: first shorten the shrinkable columns (the rightmost,
// usually the task, first) down to their minimum, and only then hide whole columns, least important first. Pure
// arithmetic over natural widths, so it is tested without a terminal.
namespace Zwarm.Cli.Rendering.Grids;

internal static class GridLayout
{
    /// <summary>Columns are separated by this many spaces.</summary>
    public const int Gap = 2;

    /// <summary>
    /// The width of each column, or -1 for a hidden one. With <paramref name="width"/> null every column keeps its
    /// natural width (piped output, --wide). Columns that cannot be hidden and still do not fit keep their minimum:
    /// the caller cuts such lines at the width.
    /// </summary>
    public static int[] Fit(IReadOnlyList<GridColumn> columns, IReadOnlyList<int> natural, IReadOnlyList<bool> present, int? width)
    {
        var widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = present[i] ? natural[i] : -1;
        }
        if (width is not { } limit)
        {
            return widths;
        }
        while (true)
        {
            var visible = Enumerable.Range(0, columns.Count).Where(i => widths[i] >= 0).ToList();
            var excess = visible.Sum(i => natural[i]) + Gap * Math.Max(0, visible.Count - 1) - limit;
            foreach (var i in visible)
            {
                widths[i] = natural[i];
            }
            for (var k = visible.Count - 1; k >= 0 && excess > 0; k--)
            {
                var i = visible[k];
                if (columns[i].MinWidth is { } min && natural[i] > min)
                {
                    var cut = Math.Min(excess, natural[i] - min);
                    widths[i] -= cut;
                    excess -= cut;
                }
            }
            if (excess <= 0)
            {
                return widths;
            }
            var hide = visible.Where(i => columns[i].HidePriority > 0)
                .OrderByDescending(i => columns[i].HidePriority).ThenByDescending(i => i).FirstOrDefault(-1);
            if (hide < 0)
            {
                return widths;
            }
            widths[hide] = -1;
        }
    }
}
