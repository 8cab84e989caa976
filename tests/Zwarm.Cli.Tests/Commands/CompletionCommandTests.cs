// `zwarm completion bash|zsh|fish` and the hidden `zwarm __complete` the scripts call: in-process for what the
// completer offers, then each real shell loading the printed script and completing through the built executable
// (bash through its completion variables, fish with `complete -C`, zsh on a real terminal in tmux).
using System.Diagnostics;
using System.Text.RegularExpressions;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed partial class CompletionCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string[]> CompleteAsync(string shell, string line)
    {
        var result = await _cli.RunAsync("__complete", "--shell", shell, "--", line);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        return result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Complete_OffersVerbsOptionsAndDeclaredValues()
    {
        Assert.Contains("spawn", await CompleteAsync("bash", "zwarm sp"));
        Assert.DoesNotContain("ls", await CompleteAsync("bash", "zwarm sp"));
        Assert.Equal(["--adapter"], await CompleteAsync("bash", "zwarm spawn --ad"));
        Assert.Equal(["danger-full-access", "read-only", "workspace-write"], await CompleteAsync("zsh", "zwarm spawn --sandbox "));
        Assert.DoesNotContain("__complete", await CompleteAsync("bash", "zwarm _"));
        Assert.Empty(await CompleteAsync("bash", "zwarm")); // the program's own name
    }

    [Fact]
    public async Task Complete_AValueAfterEquals_IsShapedForEachShell()
    {
        Assert.Equal(["codex"], await CompleteAsync("bash", "zwarm spawn --adapter=co"));   // bash breaks words at '='
        Assert.Equal(["codex"], await CompleteAsync("zsh", "zwarm spawn --adapter=co"));    // the script runs compset -P '*='
        Assert.Equal(["--adapter=codex"], await CompleteAsync("fish", "zwarm spawn --adapter=co")); // fish replaces the token
    }

    [Fact]
    public async Task Complete_OffersSessionIdsOfTheStore()
    {
        var spawned = await _cli.RunAsync("spawn", "@sleep=60 completed from a shell");
        var id = StartedId().Match(spawned.Out + spawned.Err).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{8}$", id);
        try
        {
            var candidates = await CompleteAsync("bash", $"zwarm kill {id[..3]}");
            Assert.Contains(id, candidates);
            Assert.Contains("last", await CompleteAsync("bash", "zwarm show "));
        }
        finally
        {
            await _cli.RunAsync("kill", id);
        }
    }

    [Fact]
    public async Task Completion_PrintsEachScript_AndRefusesAnUnknownShellInOneLine()
    {
        Assert.Contains("complete -F _zwarm_complete zwarm", (await _cli.RunAsync("completion", "bash")).Out);
        Assert.Contains("compdef _zwarm zwarm", (await _cli.RunAsync("completion", "zsh")).Out);
        Assert.Contains("complete -c zwarm", (await _cli.RunAsync("completion", "fish")).Out);

        var bad = await _cli.RunAsync("completion", "powershell");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("", bad.Out);
        Assert.StartsWith("zwarm: unknown shell 'powershell' (bash, zsh or fish)\n", bad.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Bash_LoadsTheScriptAndCompletesThroughTheExecutable()
    {
        var output = await RunShellAsync("bash", """
            eval "$(zwarm completion bash)"
            COMP_LINE='zwarm spawn --sandbox re'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(zwarm spawn --sandbox re); COMP_CWORD=3
            _zwarm_complete; printf '<%s>\n' "${COMPREPLY[@]}"
            COMP_LINE='zwarm spawn --adapter=cl'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(zwarm spawn --adapter = cl); COMP_CWORD=4
            _zwarm_complete; printf '<%s>\n' "${COMPREPLY[@]}"
            """);
        Assert.Equal("<read-only>\n<claude>\n<claude_code>\n", output);
    }

    [Fact]
    public async Task Fish_LoadsTheScriptAndCompletesThroughTheExecutable()
    {
        var output = await RunShellAsync("fish", """
            zwarm completion fish | source
            complete -C 'zwarm spawn --adapter=co'
            complete -C 'zwarm wo'
            """);
        Assert.Equal("--adapter=codex\nworktrees\n", output);
    }

    [Fact]
    public async Task Zsh_CompletesOnARealTerminal()
    {
        var home = Path.Combine(_cli.WorkDir, "zsh-home");
        Directory.CreateDirectory(home);
        // PATH set in .zshrc itself: the system's zsh start-up files may reset an inherited one.
        File.WriteAllText(Path.Combine(home, ".zshrc"), $$"""
            export PATH='{{PathWithZwarm()}}'
            autoload -U compinit && compinit -u
            eval "$(zwarm completion zsh)"
            PS1='%% '
            """);
        var env = new Dictionary<string, string?>(_cli.Environment)
        {
            ["PATH"] = PathWithZwarm(), ["ZDOTDIR"] = home, ["TERM"] = "xterm-256color",
        };
        env.Remove("TMUX");
        using var tmux = await TmuxSession.StartAsync("zsh -i", _cli.WorkDir, env, width: 80, height: 20);
        await tmux.WaitForTextAsync("%");
        await tmux.TypeAsync("zwarm spawn --adapter=co");
        await tmux.SendKeysAsync("Tab");
        await tmux.WaitForAsync(s => TmuxSession.LastLineStartingWith(s, "%")?.TrimEnd() == "% zwarm spawn --adapter=codex", "--adapter=co completed");
    }

    private string PathWithZwarm() =>
        Path.GetDirectoryName(CliRunner.ZwarmExecutable) + ":" + Environment.GetEnvironmentVariable("PATH");

    private async Task<string> RunShellAsync(string shell, string script)
    {
        var psi = new ProcessStartInfo(shell) { WorkingDirectory = _cli.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var (name, value) in _cli.Environment)
        {
            psi.Environment[name] = value;
        }
        psi.Environment["PATH"] = PathWithZwarm();
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{shell} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"started \w+ session ([0-9a-f]{8})")]
    private static partial Regex StartedId();
}
