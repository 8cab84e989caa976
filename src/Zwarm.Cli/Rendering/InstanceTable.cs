// The table of `zwarm instances`: orchestrator runs and pilot conversations, one line each at any terminal width
// (task shortened first, then the less telling columns hidden); in full when piped or with --wide.
using Zwarm.Orchestration.Instances;
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Rendering.Grids;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class InstanceTable
{
    private static readonly Style Bold = new(decoration: Decoration.Bold);

    public static TextGrid Build(IEnumerable<InstanceView> views, DateTimeOffset now, bool wide = false)
    {
        var grid = new TextGrid(
        [
            new("ID"),
            new("KIND", HidePriority: 60),
            new("STATUS"),
            new("STEPS", HidePriority: 40, RightAligned: true),
            new("RUNS", HidePriority: 70, RightAligned: true),
            new("SESSIONS", HidePriority: 50, RightAligned: true),
            new("MODEL", HidePriority: 35, MinWidth: 12),
            new("TOKENS", HidePriority: 55, RightAligned: true),
            new("COST", HidePriority: 30, RightAligned: true),
            new("AGE", HidePriority: 20, RightAligned: true),
            new("TASK", HidePriority: 10, MinWidth: 20),
        ], wide);
        foreach (var v in views)
        {
            grid.AddRow(
                new GridCell(v.Id, Bold),
                v.Kind,
                new GridCell(v.Status, StatusStyle(v.Status)),
                v.Steps.ToString(CultureInfo.InvariantCulture),
                v.Runs.ToString(CultureInfo.InvariantCulture),
                v.Sessions.ToString(CultureInfo.InvariantCulture),
                v.Model,
                Format.Tokens(v.InputTokens + v.OutputTokens),
                Format.Cost(v.CostUsd),
                Format.Age(Timestamps.FormatLocal(v.CreatedAt.ToLocalTime()), now),
                v.Task);
        }
        return grid;
    }

    private static Style StatusStyle(string status) => status switch
    {
        "running" => new Style(Color.Blue),
        "completed" => new Style(Color.Green),
        "failed" or "aborted" => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };
}
