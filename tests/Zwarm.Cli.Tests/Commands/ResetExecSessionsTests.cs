// The Python zwarm's remaining verbs: `exec` (spawn and wait, exit code from the outcome), `sessions` (ls), and
// `reset` (empty the state dir: refuses while sessions run, asks for --yes off a terminal, keeps config.toml).
using System.Text.Json;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class ResetExecSessionsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Exec_waits_for_the_result_and_its_exit_code_says_how_the_turn_ended()
    {
        var ok = await _cli.RunAsync("exec", "hello exec");
        var failed = await _cli.RunAsync("exec", "@fail=kaboom");

        Assert.Equal(ExitCodes.Success, ok.ExitCode);
        Assert.Contains("fake reply #1 to: hello exec", ok.Out);
        Assert.Equal(ExitCodes.SessionFailed, failed.ExitCode);
        Assert.Contains("kaboom", failed.Out);
        var sessions = JsonDocument.Parse((await _cli.RunAsync("sessions", "--json")).Out).RootElement;
        Assert.Equal(2, sessions.GetArrayLength());
    }

    [Fact]
    public async Task Reset_refuses_while_a_session_runs_needs_yes_off_a_terminal_and_keeps_the_config()
    {
        Assert.Equal(0, (await _cli.RunAsync("exec", "done soon")).ExitCode);
        var runningId = JsonDocument.Parse((await _cli.RunAsync("spawn", "@sleep=60", "--json")).Out).RootElement.GetProperty("id").GetString()!;

        var refused = await _cli.RunAsync("reset", "--yes");
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains(runningId[..8], refused.Err);

        var unconfirmed = await _cli.RunWithInputAsync("y\n", "reset", "--kill");
        Assert.Equal(ExitCodes.Usage, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Err);

        var dry = await _cli.RunAsync("reset", "--kill", "--dry-run");
        Assert.Contains("would delete 2 sessions and 0 instances", dry.Out);
        Assert.Equal(2, JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.GetArrayLength());

        var reset = await _cli.RunAsync("reset", "--kill", "--yes");
        Assert.Equal(ExitCodes.Success, reset.ExitCode);
        Assert.Equal(0, JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.GetArrayLength());
        Assert.True(File.Exists(Path.Combine(_cli.StateDir, "config.toml")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_cli.StateDir, "sessions")));
    }
}
