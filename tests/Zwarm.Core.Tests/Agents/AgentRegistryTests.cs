using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Agents.Codex;

namespace Zwarm.Core.Tests.Agents;

public sealed class AgentRegistryTests
{
    [Theory]
    [InlineData("codex", "codex")]
    [InlineData("CODEX", "codex")]
    [InlineData("claude_code", "claude_code")]
    [InlineData("claude", "claude_code")]
    [InlineData("Claude-Code", "claude_code")]
    [InlineData(" claude ", "claude_code")]
    public void TryGet_FindsAdaptersByNameOrAliasIgnoringCase(string name, string expected)
    {
        var found = AgentRegistry.Default.TryGet(name, out var adapter);

        Assert.True(found);
        Assert.Equal(expected, adapter!.Name);
    }

    [Theory]
    [InlineData("gemini")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGet_UnknownName_ReturnsFalseWithoutThrowing(string? name)
    {
        Assert.False(AgentRegistry.Default.TryGet(name, out var adapter));
        Assert.Null(adapter);
        Assert.Null(AgentRegistry.Default.Find(name));
    }

    [Fact]
    public void UnknownMessage_ListsTheKnownAdaptersAndAliases()
    {
        var message = AgentRegistry.Default.UnknownMessage("aider");

        Assert.Equal("Unknown adapter 'aider'. Known adapters: codex, claude_code (alias: claude), opencode.", message);
    }

    [Fact]
    public void Default_ListsCodexThenClaudeCodeThenTheOthers()
    {
        Assert.Equal(["codex", "claude_code", "opencode"], AgentRegistry.Default.Names);
        Assert.IsType<CodexAdapter>(AgentRegistry.Default.Adapters[0]);
        Assert.IsType<ClaudeCodeAdapter>(AgentRegistry.Default.Adapters[1]);
    }

    [Fact]
    public void Constructor_RejectsTwoAdaptersWithTheSameName()
    {
        Assert.Throws<ArgumentException>(() => new AgentRegistry([new CodexAdapter(), new CodexAdapter()]));
    }
}
