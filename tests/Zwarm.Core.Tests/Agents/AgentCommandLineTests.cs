using Zwarm.Core.Agents;

namespace Zwarm.Core.Tests.Agents;

public sealed class AgentCommandLineTests
{
    [Theory]
    [InlineData("codex", true, "node", "/usr/local/bin/codex", "exec", "--json")]
    [InlineData("codex", true, "/usr/lib/node_modules/@openai/codex/vendor/codex-x86_64-unknown-linux-musl", "exec")]
    [InlineData("codex", true, "node", "/usr/lib/node_modules/@openai/codex/bin/codex.js", "exec")]
    [InlineData("claude", true, "claude", "-p", "hi")]
    [InlineData("claude", true, "node", "/home/u/.npm/bin/claude", "-p")]
    [InlineData("codex", false, "sleep", "100", "codex")] // a word in the arguments is not the program
    [InlineData("codex", false, "/bin/sh", "-c", "codex exec")]
    [InlineData("claude", false, "codex", "exec")]
    [InlineData("codex", false, "vim", "codex")] // an editor opening a file named codex
    public void Runs_LooksAtTheProgramAndAnInterpretersScriptOnly(string executable, bool expected, params string[] argv) =>
        Assert.Equal(expected, AgentCommandLine.Runs(argv, executable));

    [Fact]
    public void Adapters_AnswerTheirOwnQuestions()
    {
        Assert.True(AgentRegistry.Default.TryGet("claude", out var claude));
        Assert.True(AgentRegistry.Default.TryGet("codex", out var codex));
        var id = Guid.NewGuid().ToString();

        Assert.Equal(id, claude.InitialResumeId(id));
        Assert.Null(claude.InitialResumeId("not-a-uuid"));
        Assert.Null(codex.InitialResumeId(id));
        Assert.True(claude.IsAgentCommandLine(["node", "/usr/bin/claude", "-p"]));
        Assert.False(codex.IsAgentCommandLine(["node", "/usr/bin/claude", "-p"]));
    }
}
