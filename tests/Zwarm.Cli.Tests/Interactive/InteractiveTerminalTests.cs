// The REPL on a real terminal (tmux), through the built zwarm executable: the line editor, Tab completion of
// commands and session ids (several candidates listed under the prompt), history on Up (and in the history
// file), Ctrl-C, bad commands, Ctrl-D. Each step waits for the screen the REPL draws when it is ready again
// (the prompt redrawn after the output), never for time.
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

    // The REPL is ready again after `text`: the prompt (empty, or with `line`) has been drawn on a line below it.
    private static bool PromptRedrawnAfter(string screen, string text, string line = "")
    {
        var lines = screen.Split('\n');
        var at = Array.FindLastIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        var prompt = line.Length == 0 ? Prompt : $"{Prompt} {line}";
        return at >= 0 && lines.Skip(at + 1).Any(l => l.TrimEnd() == prompt);
    }

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
        await tmux.WaitForAsync(s => Regex.IsMatch(s, $@"{id}\s+running") && s.Contains("typed at a terminal"), "the ls table");

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

        // A bad command is one line, and the prompt comes back (waited for: the error and the redraw are two
        // writes, and a capture between them shows the error under the old prompt line).
        await tmux.TypeAsync("frobnicate now");
        await tmux.SendKeysAsync("Enter");
        screen = await tmux.WaitForAsync(s => PromptRedrawnAfter(s, "zwarm: unknown command 'frobnicate'"), "the prompt after the error");
        Assert.Equal(Prompt, CurrentPrompt(screen));

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

        // Tab with several candidates lists them under the line, and prompts again with the line as it was.
        await tmux.TypeAsync("c");
        await tmux.SendKeysAsync("Tab");
        screen = await tmux.WaitForAsync(s => PromptRedrawnAfter(s, "continue", line: "c"), "the candidates of 'c' listed");
        Assert.Contains(screen.Split('\n'), l => l.Contains("clean") && l.Contains("clear") && l.Contains("continue"));
        await tmux.SendKeysAsync("C-u");
        await tmux.WaitForAsync(s => CurrentPrompt(s) == Prompt, "Ctrl-U to clear the line");

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
