// The sessions table of `ls` (and of the REPL, pilot, orchestrate's summary and the demo). One line per session at
// any terminal width: the task is shortened first, then columns are hidden, highest HidePriority first; piped or
// with --wide every column is shown in full. A column is one entry below (header, priority, cell), so an optional
// one (a worktree's BRANCH, its +/- diff stat) is one more line with a high HidePriority and OmitWhenEmpty.
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Rendering.Grids;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class SessionTable
{
    private static readonly Style IdStyle = new(decoration: Decoration.Bold);

    /// <summary>Every column in display order; the task last, so it takes what the terminal has left.</summary>
    internal static readonly SessionColumn[] Columns =
    [
        new(new("ID"), (s, _) => new(Format.ShortId(s.Id), IdStyle)),
        new(new("STATUS"), (s, _) => new(s.Status.ToName(), Format.StatusStyle(s.Status))),
        new(new("ADAPTER", HidePriority: 60), (s, _) => s.Adapter),
        new(new("MODEL", HidePriority: 40, MinWidth: 12), (s, _) => string.IsNullOrEmpty(s.Model) ? "(default)" : s.Model),
        new(new("TURNS", HidePriority: 70, RightAligned: true), (s, _) => s.Turns.ToString(CultureInfo.InvariantCulture)),
        new(new("AGE", HidePriority: 20, RightAligned: true), (s, now) => Format.Age(s.CreatedAt, now)),
        new(new("TOKENS", HidePriority: 50, RightAligned: true), (s, _) => Format.Tokens(s.InputTokens + s.OutputTokens)),
        new(new("COST", HidePriority: 30, RightAligned: true), (s, _) => Format.Cost(s.CostUsd)),
        new(new("BY", HidePriority: 80), (s, _) => Format.Source(s.Source)),
        // Isolated sessions: branch and lines changed against the base (recorded at each checkpoint: no git run).
        new(new("BRANCH", HidePriority: 90, MinWidth: 10, OmitWhenEmpty: true), (s, _) => Format.BranchChange(s)),
        new(new("TASK", HidePriority: 10, MinWidth: 20), (s, _) => s.Task),
    ];

    /// <param name="wide">Every column in full even on a terminal (`ls --wide`).</param>
    public static TextGrid Build(IEnumerable<SessionSummary> sessions, DateTimeOffset now, bool wide = false)
    {
        var grid = new TextGrid([.. Columns.Select(c => c.Column)], wide);
        foreach (var s in sessions)
        {
            grid.AddRow([.. Columns.Select(c => c.Cell(s, now))]);
        }
        return grid;
    }
}
