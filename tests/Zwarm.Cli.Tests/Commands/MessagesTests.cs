// What zwarm says when the user slips: an unknown verb, a mistyped setting, --version, a flag a verb cannot honour.
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class MessagesTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task UnknownVerb_OneLineWithTheClosestVerb_Exit2()
    {
        var result = await _cli.RunAsync("lss");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("zwarm: unknown command 'lss' (did you mean 'ls'?)", result.Err.Trim());
    }

    [Fact]
    public async Task UnknownVerb_AfterGlobalOptions_StillNamed()
    {
        var result = await _cli.RunAsync("--state-dir", _cli.StateDir, "spwan", "task");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("zwarm: unknown command 'spwan' (did you mean 'spawn'?)", result.Err);
    }

    [Fact]
    public async Task UnknownVerb_NothingClose_NoGuess()
    {
        var result = await _cli.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("zwarm: unknown command 'frobnicate'", result.Err.Trim());
    }

    [Fact]
    public async Task SetTypo_BlamesSetAndSuggestsTheKey()
    {
        var result = await _cli.RunAsync("ls", "--set", "executor.adpter=x");

        Assert.Equal(8, result.ExitCode);
        Assert.Contains("--set: unknown key 'executor.adpter' (did you mean 'executor.adapter'?)", result.Err);
        Assert.DoesNotContain("config.toml", result.Err);
    }

    [Fact]
    public async Task FileTypo_NamesTheFileAndLine()
    {
        File.AppendAllText(Path.Combine(_cli.StateDir, "config.toml"), "\nsandbx = \"read-only\"\n");

        var result = await _cli.RunAsync("ls");

        Assert.Equal(8, result.ExitCode);
        // config.toml from CliRunner: [adapters.codex] 2 lines, [adapters.claude_code] 2, [executor] 2; the typo is the next line.
        Assert.Contains("config.toml:7: unknown key 'executor.sandbx' (did you mean 'executor.sandbox'?)", result.Err);
    }

    [Fact]
    public async Task Version_NamesVersionCommitRuntimeAndBuildKind()
    {
        var result = await _cli.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^zwarm \d+\.\d+\.\d+ \((\w{7}|unknown commit), \.NET \d+\.\d+\.\d+, jit\)$", result.Out.Trim());
    }

    [Fact]
    public async Task Demo_StateDir_IsRefusedNotIgnored()
    {
        var result = await _cli.RunAsync("demo", "--state-dir", Path.Combine(_cli.WorkDir, "elsewhere"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dir", result.Err);
        Assert.False(Directory.Exists(Path.Combine(_cli.WorkDir, "zwarm-demo")));
    }
}
