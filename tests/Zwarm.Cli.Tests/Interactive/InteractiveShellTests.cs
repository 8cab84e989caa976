// The loop itself: Ctrl-C stops the running command and the REPL goes on (at a terminal) or ends (a script).
using System.Diagnostics;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sessions;
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
        var sessions = new SessionService(new ZwarmContext
        {
            StateDirectory = _cli.StateDir,
            WorkingDirectory = _cli.WorkDir,
            Environment = _cli.Environment,
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
    public async Task Interrupt_WithNothingRunning_LeavesTheSignalToAScript_ButNotToATerminal()
    {
        Assert.True(Shell("", interactive: true).Interrupt());
        Assert.False(Shell("", interactive: false).Interrupt());
        Assert.Equal(0, await Shell("", interactive: false).RunAsync(CancellationToken.None));
    }
}
