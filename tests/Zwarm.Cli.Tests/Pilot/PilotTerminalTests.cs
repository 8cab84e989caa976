// `zwarm pilot` on a real terminal (tmux), through the built executable: the line editor's prompt, Ctrl-C during a
// turn (the model endpoint here accepts the connection and never answers) interrupts that turn only, Ctrl-C at the
// prompt does not leave, Tab completes :commands, and :quit leaves with exit code 0 and the state saved.
using System.Net;
using System.Net.Sockets;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Pilot;

public sealed class PilotTerminalTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];

    public PilotTerminalTests() => _silent.Start();

    public void Dispose()
    {
        _silent.Stop();
        _held.ForEach(s => s.Dispose());
        _cli.Dispose();
    }

    [Fact]
    public async Task Ctrl_c_interrupts_the_turn_not_the_pilot_and_quit_leaves_saved()
    {
        var env = new Dictionary<string, string?>(_cli.Environment) { ["TERM"] = "xterm-256color", ["OPENAI_API_KEY"] = "test-key" };
        env.Remove("NO_COLOR");
        env.Remove("TMUX");
        env.Remove("OPENAI_BASE_URL");
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var command = $"'{CliRunner.ZwarmExecutable}' pilot --instance tty --base-url http://127.0.0.1:{port}/v1 " +
            "--set orchestrator.max_retries=0; echo \"EXITED $?\"; sleep 120";
        using var tmux = await TmuxSession.StartAsync(command, _cli.WorkDir, env);
        await tmux.WaitForTextAsync("you>");

        await tmux.TypeAsync("hello there");
        await tmux.SendKeysAsync("Enter");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _held.Add(await _silent.AcceptSocketAsync(timeout.Token));   // the turn is waiting for the model
        await tmux.SendKeysAsync("C-c");
        await tmux.WaitForTextAsync("interrupted; nothing was kept");

        await tmux.SendKeysAsync("C-c");
        await tmux.WaitForTextAsync("(type :quit or press Ctrl-D to leave)");
        await tmux.TypeAsync(":sta");
        await tmux.SendKeysAsync("Tab");
        await tmux.WaitForAsync(s => TmuxSession.LastLineStartingWith(s, "you>") == "you> :status", "':sta' completed to ':status'");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("T0 of T0");
        await tmux.TypeAsync(":quit");
        await tmux.SendKeysAsync("Enter");
        var screen = await tmux.WaitForTextAsync("EXITED");

        Assert.Contains("EXITED 0", screen);
        Assert.Contains("continue with: zwarm pilot --resume --instance tty", screen);
        Assert.Contains("\"status\": \"paused\"", File.ReadAllText(Path.Combine(_cli.StateDir, "instances", "tty", "state.json")));
    }
}
