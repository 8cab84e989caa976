using Zwarm.Core.Agents.Local;
using Zwarm.Core.Config;

namespace Zwarm.Core.Tests.Agents.Local;

public sealed class ManagedConfigBlockTests
{
    private static readonly Dictionary<string, string> Env = new() { ["CODEX_HOME"] = "/s/agents/codex", ["K"] = "a \"quoted\" value" };

    [Fact]
    public void ApplyThenRemove_GivesBackTheUsersFileByteForByte()
    {
        const string user = "# my settings\n[executor]\nadapter = \"codex\"  # keep this comment\n\n[adapters.codex]\nexecutable = \"/opt/codex\"\n";

        var applied = ManagedConfigBlock.Apply(user, "codex", Env);

        Assert.StartsWith(user, applied);
        var codex = ConfigDocument.Parse(applied, "config.toml").Root.GetSection("adapters")!.GetSection("codex")!;
        Assert.Equal("/opt/codex", codex.GetString("executable"));
        Assert.Equal("a \"quoted\" value", codex.GetStringMap("env")!["K"]);
        Assert.Equal(user, ManagedConfigBlock.Remove(applied, "codex"));
    }

    [Fact]
    public void AnExistingEnvTable_GetsTheKeysInsteadOfASecondHeader()
    {
        const string user = "[adapters.codex.env]\nFOO = \"bar\"\n\n[executor]\nmodel = \"m\"\n";

        var applied = ManagedConfigBlock.Apply(user, "codex", Env);

        var root = ConfigDocument.Parse(applied, "config.toml").Root;
        var env = root.GetSection("adapters")!.GetSection("codex")!.GetStringMap("env")!;
        Assert.Equal(["CODEX_HOME", "FOO", "K"], env.Keys.Order());
        Assert.Equal("m", root.GetSection("executor")!.GetString("model"));
        Assert.Equal(user, ManagedConfigBlock.Remove(applied, "codex"));
    }

    [Fact]
    public void ApplyingTwice_ReplacesTheBlock_AndOtherAgentsBlocksStay()
    {
        var once = ManagedConfigBlock.Apply("", "claude_code", new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "http://a" });
        once = ManagedConfigBlock.Apply(once, "codex", Env);

        var twice = ManagedConfigBlock.Apply(once, "codex", new Dictionary<string, string> { ["CODEX_HOME"] = "/other" });

        var adapters = ConfigDocument.Parse(twice, "config.toml").Root.GetSection("adapters")!;
        Assert.Equal("/other", adapters.GetSection("codex")!.GetStringMap("env")!["CODEX_HOME"]);
        Assert.False(adapters.GetSection("codex")!.GetStringMap("env")!.ContainsKey("K"));
        Assert.Equal("http://a", adapters.GetSection("claude_code")!.GetStringMap("env")!["ANTHROPIC_BASE_URL"]);
    }
}
