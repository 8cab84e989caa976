// The loop itself: Ctrl-C stops the running command and the REPL goes on (at a terminal) or ends (a script).
using System.Diagnostics;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sessions;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class InteractiveShellTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _cli.Dispose();

    private InteractiveShell Shell(string script, bool interactive)
    {
        var terminal = new Terminal(_out, _err, colors: false, new StringReader(script), interactive);
        var config = ZwarmConfig.Read(ConfigDocument.Load(Path.Combine(_cli.StateDir, "config.toml"), []),
            name => AgentRegistry.Default.Find(name)?.Name);
        var sessions = new SessionService(new ZwarmContext
        {
            StateDirectory = _cli.StateDir,
            WorkingDirectory = _cli.WorkDir,
            Environment = _cli.Environment,
            Config = config,
        });
        return ReplFactory.Create(terminal, sessions, stopOnError: false);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 130)]
    public async Task Interrupt_StopsTheRunningCommand_ThenTheTerminalGoesOn_AndAScriptEnds(bool interactive, int expected)
    {
        var shell = Shell("!sleep 30\n!echo after\n", interactive);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var timer = Stopwatch.StartNew();

        var run = shell.RunAsync(timeout.Token);
        await Task.Delay(700, timeout.Token);
        Assert.True(shell.Interrupt());
        var code = await run.WaitAsync(timeout.Token);

        Assert.Equal(expected, code);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(15), $"took {timer.Elapsed}");
        Assert.Contains("zwarm: interrupted", _err.ToString());
        Assert.Equal(interactive, _out.ToString().Contains("after"));
    }

    [Fact]
    public async Task AtATerminal_ATurnThatEnds_IsAnnouncedBeforeTheNextPrompt_UnlessAlreadyShown()
    {
        const string waitForTheTurn =
            "!for i in $(seq 300); do ls .zwarm/sessions/*/turns/turn_1.exit.json >/dev/null 2>&1 && break; sleep 0.1; done";
        var shell = Shell($"spawn announce me\n{waitForTheTurn}\nspawn waited for\nwait last\n", interactive: true);

        var code = await shell.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        var lines = _out.ToString().Split('\n');
        Assert.True(_err.ToString().Length == 0 || !_err.ToString().Contains("zwarm: "), _err.ToString());
        var announced = Assert.Single(lines, l => l.StartsWith("· ", StringComparison.Ordinal));
        Assert.Matches(@"^· [0-9a-f]{8} completed turn 1  fake reply #1 to: announce me", announced);
        Assert.Contains(lines, l => l.Contains("fake reply #1 to: waited for"));
    }

    [Fact]
    public async Task Interrupt_WithNothingRunning_LeavesTheSignalToAScript_ButNotToATerminal()
    {
        Assert.True(Shell("", interactive: true).Interrupt());
        Assert.False(Shell("", interactive: false).Interrupt());
        Assert.Equal(0, await Shell("", interactive: false).RunAsync(CancellationToken.None));
    }
}
