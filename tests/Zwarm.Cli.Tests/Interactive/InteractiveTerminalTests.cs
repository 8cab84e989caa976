// The REPL on a real terminal (tmux), through the built zwarm executable: the line editor, Tab completion of
// commands and session ids, history on Up (and in the history file), Ctrl-C, bad commands, Ctrl-D.
using System.Text.RegularExpressions;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Interactive;

public sealed partial class InteractiveTerminalTests : IDisposable
{
    private const string Prompt = "zwarm>";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<TmuxSession> StartAsync()
    {
        var env = new Dictionary<string, string?>(_cli.Environment) { ["TERM"] = "xterm-256color" };
        env.Remove("NO_COLOR");
        env.Remove("TMUX");
        var command = $"'{CliRunner.ZwarmExecutable}' interactive; echo \"EXITED $?\"; sleep 120";
        var tmux = await TmuxSession.StartAsync(command, _cli.WorkDir, env);
        await tmux.WaitForTextAsync(Prompt);
        return tmux;
    }

    private static string CurrentPrompt(string screen) => TmuxSession.LastLineStartingWith(screen, "zwarm>") ?? "";

    [Fact]
    public async Task TypingCompletionHistoryAndBadCommands_OnARealTerminal()
    {
        using var tmux = await StartAsync();

        // Type a command: spawn against the fake agent.
        await tmux.TypeAsync("spawn \"@sleep=60 typed at a terminal\"");
        await tmux.SendKeysAsync("Enter");
        var screen = await tmux.WaitForTextAsync("started codex session");
        var id = StartedId().Match(screen).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{8}$", id);

        await tmux.TypeAsync("ls");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForAsync(s => s.Contains($"{id}  running") && s.Contains("typed at a terminal"), "the ls table");

        // Tab completes a command name...
        await tmux.TypeAsync("pe");
        await tmux.SendKeysAsync("Tab");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == "zwarm> peek", "'pe' completed to 'peek'");
        // ...and a session id from three characters.
        await tmux.TypeAsync(id[..3]);
        await tmux.SendKeysAsync("Tab");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == $"zwarm> peek {id}", $"the id prefix completed to {id}");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("task: @sleep=60 typed at a terminal");

        // A bad command is one line, and the prompt comes back.
        await tmux.TypeAsync("frobnicate now");
        await tmux.SendKeysAsync("Enter");
        // The error line is printed before the REPL redraws its prompt: wait for both, not one capture of the first.
        await tmux.WaitForAsync(s => s.Contains("zwarm: unknown command 'frobnicate'", StringComparison.Ordinal)
            && CurrentPrompt(s) == "zwarm>", "the error line and a fresh prompt");

        // Up walks back through the history.
        await tmux.SendKeysAsync("Up");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == "zwarm> frobnicate now", "Up to recall the last line");
        await tmux.SendKeysAsync("Up");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == $"zwarm> peek {id}", "Up again for the line before");

        // Ctrl-C clears the line; on an empty line it says how to leave, and the REPL stays.
        await tmux.SendKeysAsync("C-c");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == "zwarm>", "Ctrl-C to clear the line");
        await tmux.SendKeysAsync("C-c");
        await tmux.WaitForTextAsync("(type quit or press Ctrl-D to leave)");

        await tmux.TypeAsync("kill last");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForAsync(s => s.Contains($"{id} killed"), "the kill");

        // Ctrl-D on an empty line leaves with exit code 0.
        await tmux.SendKeysAsync("C-d");
        await tmux.WaitForTextAsync("EXITED 0");

        var history = await File.ReadAllLinesAsync(Path.Combine(_cli.StateDir, "history"));
        Assert.Equal(["spawn \"@sleep=60 typed at a terminal\"", "ls", $"peek {id}", "frobnicate now", "kill last"], history);

        // The next REPL starts with that history.
        using var again = await StartAsync();
        await again.SendKeysAsync("Up");
        await again.WaitForAsync(s => CurrentPrompt(s) == "zwarm> kill last", "Up in a new REPL to recall the last session's line");
    }

    [Fact]
    public async Task Watch_StopsOnAKeyPress_AndTheSessionKeepsRunning()
    {
        using var tmux = await StartAsync();

        await tmux.TypeAsync("spawn \"@stream=600 chatty\"");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("started codex session");
        await tmux.TypeAsync("watch last");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("agent: stream 3");
        await tmux.SendKeysAsync("x");
        await tmux.WaitForTextAsync("stopped watching;");
        var screen = await tmux.WaitForAsync(s => CurrentPrompt(s) == "zwarm>", "the prompt after watch");
        Assert.Contains("is still running", screen);

        // Ctrl-C during a command stops that command, not the REPL.
        await tmux.TypeAsync("wait last");
        await tmux.SendKeysAsync("Enter");
        await Task.Delay(500);
        await tmux.SendKeysAsync("C-c");
        await tmux.WaitForTextAsync("zwarm: interrupted");
        await tmux.TypeAsync("quit 3");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("EXITED 3");
    }

    [GeneratedRegex(@"started codex session ([0-9a-f]{8})")]
    private static partial Regex StartedId();
}
