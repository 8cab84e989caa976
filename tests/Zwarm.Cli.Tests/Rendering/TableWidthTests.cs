// The tables at the widths people's terminals have: one line per row, never wider than the window, the task
// shortened before any column goes, the least telling columns hidden first; in full when piped or with --wide.
using Zwarm.Cli.Rendering;
using Zwarm.Cli.Rendering.Grids;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Rendering;

public sealed class TableWidthTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private const string LongTask = "add input validation to every endpoint under src/api, with tests for each rejected field, and update the README";

    private static IReadOnlyList<SessionSummary> Sessions() =>
    [
        new()
        {
            Id = "3f2a9c1e-0000-4000-8000-000000000001", Status = SessionStatus.Completed, Adapter = "claude_code",
            Model = "claude-sonnet-4-5-20250929", Turns = 12, Task = LongTask, Source = "orchestrator:ab12cd34",
            CreatedAt = "2026-12-07T10:00:00", InputTokens = 1_234_567, OutputTokens = 89_000, CostUsd = 12.34m,
        },
        new()
        {
            Id = "7b1d2e3f-0000-4000-8000-000000000002", Status = SessionStatus.Running, Adapter = "codex",
            Model = "", Turns = 1, Task = "fix\nthe flaky test", CreatedAt = "2026-12-07T11:59:30",
        },
    ];

    private static string[] Render(int width, bool wide = false)
    {
        var (console, text) = FixedWidthConsole.Create(width);
        console.Write(SessionTable.Build(Sessions(), Now, wide));
        return text.ToString().TrimEnd('\n').Split('\n');
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void Ls_AtAnyWidth_OneLinePerSessionNoneWiderThanTheTerminal(int width)
    {
        var lines = Render(width);

        Assert.Equal(3, lines.Length); // the header and one line per session
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
        Assert.StartsWith("ID", lines[0]);
        Assert.StartsWith("3f2a9c1e", lines[1]);
        Assert.Contains("completed", lines[1]);
        Assert.Contains("fix the flaky", lines[2]); // a line break in the task is a space
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Ls_Narrowing_ShortensTheTaskFirstThenHidesTheLeastTellingColumns()
    {
        var wide = Render(260);
        Assert.Contains(LongTask, wide[1]);
        Assert.Contains("BY", wide[0]);

        var at120 = Render(120);
        Assert.Contains("…", at120[1]);                          // the task is shortened...
        Assert.Contains("TURNS", at120[0]);                     // ...before a column goes
        Assert.Contains("BY", at120[0]);

        var at80 = Render(80);
        Assert.DoesNotContain("BY", at80[0]);                   // the least telling go first
        Assert.DoesNotContain("TURNS", at80[0]);
        Assert.Contains("AGE", at80[0]);
        Assert.Contains("TASK", at80[0]);

        var at60 = Render(60);
        Assert.Contains("STATUS", at60[0]);
        Assert.Contains("TASK", at60[0]);
        Assert.DoesNotContain("TOKENS", at60[0]);
    }

    [Fact]
    public void Ls_Wide_ShowsEveryColumnInFull()
    {
        var lines = Render(80, wide: true);

        Assert.Contains(LongTask, lines[1]);
        Assert.Contains("claude-sonnet-4-5-20250929", lines[1]);
        Assert.Contains("BY", lines[0]);
    }

    [Fact]
    public async Task Ls_Piped_FullTaskNoPaddingNoWrapping()
    {
        using var cli = new CliRunner();
        var spawned = await cli.RunAsync("spawn", "--json", LongTask);
        var id = System.Text.Json.JsonDocument.Parse(spawned.Out).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, (await cli.RunAsync("wait", id, "--timeout", "60s")).ExitCode);

        var ls = await cli.RunAsync("ls");

        var lines = ls.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(LongTask, lines[1]);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
        Assert.Contains("ADAPTER", lines[0]);
        Assert.EndsWith("TASK", lines[0]);
        Assert.StartsWith(id[..8] + "  completed", lines[1]);
    }

    [Fact]
    public void Layout_OptionalColumnsAreLeftOutWhenEmptyAndHiddenFirst()
    {
        var grid = new TextGrid([new("ID"), new("BRANCH", HidePriority: 95, OmitWhenEmpty: true), new("TASK", 10, MinWidth: 8)]);
        grid.AddRow("a1", "", "a task");
        Assert.Equal(["ID  TASK", "a1  a task"], grid.PlainLines(null));

        var withBranch = new TextGrid([new("ID"), new("BRANCH", HidePriority: 95, OmitWhenEmpty: true), new("TASK", 10, MinWidth: 8)]);
        withBranch.AddRow("a1", "zwarm/a1-add-validation", "a rather long task");
        Assert.Contains("BRANCH", withBranch.PlainLines(60)[0]);
        var narrow = withBranch.PlainLines(24);
        Assert.DoesNotContain("BRANCH", narrow[0]);
        Assert.All(narrow, l => Assert.True(l.Length <= 24, l));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public void Models_AtAnyWidth_OneLinePerModel(int width)
    {
        var views = ModelTable.Views(Zwarm.Core.Events.PriceTable.Default);
        var (console, text) = FixedWidthConsole.Create(width);
        console.Write(ModelTable.Build(views));
        var lines = text.ToString().TrimEnd('\n').Split('\n');

        Assert.Equal(views.Count + 1, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
    }

    [Fact]
    public void Models_Piped_NoTrailingSpacesEvenWhenTheLastCellIsEmpty()
    {
        var grid = ModelTable.Build([new ModelView("local-model", [], 0m, 0m, 0m, 0m)]);

        var lines = grid.PlainLines(null);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("$0.00", lines[1]);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Cut_CountsTerminalCellsNotCharacters()
    {
        Assert.Equal("abc", TextGrid.Cut("abc", 3));
        Assert.Equal("ab…", TextGrid.Cut("abcd", 3));
        Assert.Equal("日…", TextGrid.Cut("日本語", 4)); // each ideograph is two cells wide
    }
}
