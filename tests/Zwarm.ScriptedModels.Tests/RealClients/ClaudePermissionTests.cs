// Which Claude Code permission flags let a Bash command and a Write tool call change files in print mode.
// zwarm maps its sandbox modes onto these flags, so the matrix is pinned here (see the ScriptedModels README).
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.SecondCollection)]
public sealed class ClaudePermissionTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(180);
    // Before the temp folder: a missing CLI fails the constructor, and nothing would dispose the folder.
    private readonly string _claude = RealCli.Require(AgentCli.ClaudeCode);
    private readonly TempDirectory _temp = new("zwarm-perm-");
    private readonly string _work;

    public ClaudePermissionTests()
    {
        _work = _temp.CreateSubdirectory("work");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>First a Bash write, then (whatever happened) a Write call, then a closing text.</summary>
    private static ModelScript BashThenWrite(string bashTarget, string writeTarget) => ModelScript.Sequence(
        Reply.Shell($"echo via-bash > {bashTarget}"),
        Reply.WriteFile(writeTarget, "via-write\n"),
        Reply.Text("finished"));

    // flags | IS_SANDBOX=1 | Bash may write in the cwd | Write may create a file in the cwd
    public static TheoryData<string[], bool, bool, bool> Matrix => new()
    {
        { [], false, false, false },
        { ["--permission-mode", "default"], false, false, false },
        { ["--permission-mode", "dontAsk"], false, false, false },
        { ["--permission-mode", "plan"], false, false, false },
        { ["--permission-mode", "acceptEdits"], false, true, true },
        { ["--permission-mode", "acceptEdits", "--disallowedTools", "Bash"], false, false, true },
        { ["--allowedTools", "Bash"], false, true, false },
        { ["--permission-mode", "bypassPermissions"], true, true, true },
        { ["--dangerously-skip-permissions"], true, true, true },
        { ["--dangerously-skip-permissions", "--disallowedTools", "Bash", "Write", "Edit"], true, false, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Permission_flags_decide_whether_bash_and_write_may_change_the_working_directory(
        string[] flags, bool isSandbox, bool bashWrites, bool writeWrites)
    {
        await using var server = await ScriptedModelServer.StartAsync(BashThenWrite("bash.txt", "write.txt"), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path, isSandbox: isSandbox);

        var run = await AgentProcess.RunAsync(_claude, RealCli.ClaudePrint("change files", flags), _work, env, RealCli.ProcessTimeout, _ct);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(bashWrites == File.Exists(Path.Combine(_work, "bash.txt")), $"Bash write expected {bashWrites}\n{run.Describe()}");
        Assert.True(writeWrites == File.Exists(Path.Combine(_work, "write.txt")), $"Write expected {writeWrites}\n{run.Describe()}");
        // A refused call is still sent back to the model, as an error tool result.
        var results = server.ModelCalls.Skip(1).Select(r => r.PendingToolResults[^1]).ToList();
        Assert.Equal([!bashWrites, !writeWrites], results.Select(r => r.IsError));
        Assert.Equal("finished", (string?)run.OfType("result").Single()["result"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Accept_edits_refuses_arbitrary_commands_unless_Bash_is_allowed_outright(bool allowBash)
    {
        // Only simple file commands (echo >, touch, mkdir, rm) count as edits; anything else (sh -c, python, npm,
        // git) "requires approval", which print mode turns into a refusal.
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Sequence(
            Reply.Shell("sh -c 'echo x > p.txt'"), Reply.Text("finished")), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path);
        string[] flags = allowBash ? ["--permission-mode", "acceptEdits", "--allowedTools", "Bash"] : ["--permission-mode", "acceptEdits"];

        var run = await AgentProcess.RunAsync(_claude, RealCli.ClaudePrint("run it", flags), _work, env, RealCli.ProcessTimeout, _ct);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(allowBash, File.Exists(Path.Combine(_work, "p.txt")));
        var result = server.ModelCalls[1].PendingToolResults[^1];
        Assert.Equal(!allowBash, result.IsError);
        if (!allowBash) Assert.Contains("requires approval", result.Output);
    }

    [Fact]
    public async Task Accept_edits_still_refuses_writes_outside_the_working_directories()
    {
        var outside = _temp.CreateSubdirectory("outside");
        await using var server = await ScriptedModelServer.StartAsync(
            BashThenWrite(Path.Combine(outside, "bash.txt"), Path.Combine(outside, "write.txt")), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path);

        var run = await AgentProcess.RunAsync(_claude, RealCli.ClaudePrint("change files", "--permission-mode", "acceptEdits"),
            _work, env, RealCli.ProcessTimeout, _ct);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(Directory.GetFiles(outside));
        Assert.Equal(2, run.OfType("result").Single()["permission_denials"]!.AsArray().Count);
    }

    [Fact]
    public async Task Skipping_permissions_as_root_is_refused_without_IS_SANDBOX()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("hi")), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path, isSandbox: false);

        var run = await AgentProcess.RunAsync(_claude, RealCli.ClaudePrint("hi", "--dangerously-skip-permissions"),
            _work, env, RealCli.ProcessTimeout, _ct);

        if (RealCli.IsRoot)
        {
            Assert.True(run.ExitCode == 1, run.Describe());
            Assert.Contains("cannot be used with root/sudo privileges", run.Stderr);
            Assert.Empty(server.ModelCalls);
        }
        else
        {
            Assert.True(run.ExitCode == 0, run.Describe());
        }
    }
}
