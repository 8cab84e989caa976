// The loop itself: Ctrl-C stops the running command and the REPL goes on (at a terminal) or ends (a script);
// turns started here are announced when they end; help fits the terminal's width.
using System.Diagnostics;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class InteractiveShellTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 130)]
    public async Task Interrupt_StopsTheRunningCommand_ThenTheTerminalGoesOn_AndAScriptEnds(bool interactive, int expected)
    {
        var started = Path.Combine(_cli.WorkDir, "started");
        var repl = new ReplHarness(_cli, "!touch started; sleep 30\n!echo after\n", interactive);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var timer = Stopwatch.StartNew();

        var run = repl.Shell.RunAsync(timeout.Token);
        while (!File.Exists(started)) // the signal that the command runs
        {
            await Task.Delay(20, timeout.Token);
        }
        Assert.True(repl.Shell.Interrupt());
        var code = await run.WaitAsync(timeout.Token);

        Assert.Equal(expected, code);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(15), $"took {timer.Elapsed}");
        Assert.Contains("zwarm: interrupted", repl.Err.ToString());
        Assert.Equal(interactive, repl.Out.ToString().Contains("after"));
    }

    [Fact]
    public async Task AtATerminal_ATurnThatEnds_IsAnnouncedBeforeTheNextPrompt_UnlessAlreadyShown()
    {
        const string waitForTheTurn =
            "!for i in $(seq 300); do ls .zwarm/sessions/*/turns/turn_1.exit.json >/dev/null 2>&1 && break; sleep 0.1; done";
        var repl = new ReplHarness(_cli, $"spawn announce me\n{waitForTheTurn}\nspawn waited for\nwait last\n", interactive: true);

        var code = await repl.Shell.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        var lines = repl.Out.ToString().Split('\n');
        Assert.DoesNotContain("zwarm: ", repl.Err.ToString());
        var announced = Assert.Single(lines, l => l.StartsWith("· ", StringComparison.Ordinal));
        Assert.Matches(@"^· [0-9a-f]{8} completed turn 1  fake reply #1 to: announce me", announced);
        Assert.Contains(lines, l => l.Contains("fake reply #1 to: waited for"));
    }

    [Fact]
    public async Task Interrupt_WithNothingRunning_LeavesTheSignalToAScript_ButNotToATerminal()
    {
        Assert.True(new ReplHarness(_cli, interactive: true).Shell.Interrupt());
        Assert.False(new ReplHarness(_cli).Shell.Interrupt());
        Assert.Equal(0, await new ReplHarness(_cli).Shell.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Help_At80Columns_FitsEveryLine_ForTheListAndEveryVerb()
    {
        var verbs = new ReplHarness(_cli).Commands.Root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var script = string.Join('\n', ["help", .. verbs.Select(v => $"help {v}"), "spawn --help", "help !"]) + "\n";
        var repl = new ReplHarness(_cli, script, width: 80);

        var code = await repl.Shell.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        Assert.Equal("", repl.Err.ToString());
        var lines = repl.Out.ToString().Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"{l.TrimEnd().Length} columns: {l}"));
        Assert.Contains(lines, l => l.Contains("--adapter <adapter>"));
        Assert.True(lines.Length > verbs.Count * 5, "every verb's help was printed");
        // Words are not cut into fragments: every word of a description is whole on some line.
        Assert.Contains(lines, l => l.Contains("Start a new agent session in the background"));
    }
}
