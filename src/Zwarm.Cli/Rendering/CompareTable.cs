// `zwarm compare GROUP`: the attempts of a best-of-N group side by side, one line each, fitting the terminal like
// `ls` (TextGrid). The diff stat is what meta.json recorded at the attempt's latest checkpoint (no git run).
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Rendering.Grids;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class CompareTable
{
    private static readonly Style IdStyle = new(decoration: Decoration.Bold);
    private static readonly Style Added = new(Color.Green);
    private static readonly Style Removed = new(Color.Red);

    internal static readonly SessionColumn[] Columns =
    [
        new(new("ID"), (s, _) => new(Format.ShortId(s.Id), IdStyle)),
        new(new("ADAPTER"), (s, _) => s.Adapter),
        new(new("STATUS"), (s, _) => new(s.Status.ToName(), Format.StatusStyle(s.Status))),
        new(new("ADDED", RightAligned: true), (s, _) => new("+" + Number(s.LinesAdded), Added)),
        new(new("REMOVED", RightAligned: true), (s, _) => new("-" + Number(s.LinesRemoved), Removed)),
        new(new("FILES", RightAligned: true), (s, _) => Number(s.FilesChanged)),
        new(new("TOKENS", HidePriority: 30, RightAligned: true), (s, _) => Format.Tokens(s.InputTokens + s.OutputTokens)),
        new(new("COST", HidePriority: 20, RightAligned: true), (s, _) => Format.Cost(s.CostUsd)),
        new(new("TURNS", HidePriority: 60, RightAligned: true), (s, _) => s.Turns.ToString(CultureInfo.InvariantCulture)),
        new(new("MODEL", HidePriority: 40, MinWidth: 12), (s, _) => string.IsNullOrEmpty(s.Model) ? "(default)" : s.Model),
        new(new("BRANCH", HidePriority: 50, MinWidth: 10), (s, _) => s.Branch ?? ""),
        new(new("ERROR", HidePriority: 10, MinWidth: 12, OmitWhenEmpty: true), (s, _) => s.Error ?? ""),
    ];

    public static TextGrid Build(IEnumerable<SessionSummary> attempts, bool wide = false)
    {
        var grid = new TextGrid([.. Columns.Select(c => c.Column)], wide);
        foreach (var s in attempts)
        {
            grid.AddRow([.. Columns.Select(c => c.Cell(s, default))]);
        }
        return grid;
    }

    private static string Number(int? n) => (n ?? 0).ToString(CultureInfo.InvariantCulture);
}
