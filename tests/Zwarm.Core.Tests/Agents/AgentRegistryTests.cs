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
    [InlineData("aider")]
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

        Assert.StartsWith("Unknown adapter 'aider'. Known adapters: codex, claude_code (alias: claude), ", message);
        Assert.Contains("gemini (alias: gemini_cli)", message);
        Assert.Contains("opencode", message);
    }

    [Fact]
    public void Default_ListsCodexThenClaudeCodeThenTheOthers()
    {
        Assert.Equal(["codex", "claude_code", "gemini", "qwen", "opencode"], AgentRegistry.Default.Names);
        Assert.IsType<CodexAdapter>(AgentRegistry.Default.Adapters[0]);
        Assert.IsType<ClaudeCodeAdapter>(AgentRegistry.Default.Adapters[1]);
    }

    [Theory]
    [InlineData("gemini")]
    [InlineData("Gemini-CLI")]
    [InlineData("gemini_cli")]
    public void Default_FindsGeminiByNameOrAlias(string name)
    {
        Assert.IsType<Zwarm.Core.Agents.Gemini.GeminiAdapter>(AgentRegistry.Default.Find(name));
    }

    [Fact]
    public void Constructor_RejectsTwoAdaptersWithTheSameName()
    {
        Assert.Throws<ArgumentException>(() => new AgentRegistry([new CodexAdapter(), new CodexAdapter()]));
    }
}
