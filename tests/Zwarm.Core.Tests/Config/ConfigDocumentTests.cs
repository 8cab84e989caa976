using Zwarm.Core.Agents;
using Zwarm.Core.Config;

namespace Zwarm.Core.Tests.Config;

public sealed class ConfigDocumentTests
{
    private static ZwarmConfig Read(ConfigDocument doc) =>
        ZwarmConfig.Read(doc, name => name is "codex" ? "codex" : name is "claude" or "claude_code" ? "claude_code" : null);

    [Fact]
    public void EmptyDocument_GivesDefaults()
    {
        var doc = ConfigDocument.Parse("", null);
        var config = Read(doc);
        doc.Validate();

        Assert.Equal("codex", config.Executor.Adapter);
        Assert.Equal(SandboxMode.WorkspaceWrite, config.Executor.Sandbox);
        Assert.Null(config.Executor.Model);
    }

    [Fact]
    public void Sections_AreReadWithTheirTypes()
    {
        var doc = ConfigDocument.Parse("""
            [executor]
            adapter = "claude"
            model = "sonnet"
            sandbox = "read-only"
            kill_grace_seconds = 1.5

            [adapters.claude]
            executable = "/opt/claude"
            args = ["--verbose"]
            [adapters.claude.env]
            FOO = "bar"

            [prices."my-model"]
            input = 1
            output = 2.5
            """, "config.toml");
        var config = Read(doc);
        doc.Validate();

        Assert.Equal("claude", config.Executor.Adapter);
        Assert.Equal(SandboxMode.ReadOnly, config.Executor.Sandbox);
        Assert.Equal(TimeSpan.FromSeconds(1.5), config.Executor.KillGrace);
        var claude = config.AdapterSettingsFor("claude_code");
        Assert.Equal("/opt/claude", claude.Executable);
        Assert.Equal(["--verbose"], claude.Args);
        Assert.Equal("bar", claude.Env["FOO"]);
        Assert.Equal(2.5, config.Prices["my-model"].Output);
    }

    [Fact]
    public void UnknownKey_IsAnErrorNamingIt()
    {
        var doc = ConfigDocument.Parse("[executor]\nmodle = \"x\"\n[nonsense]\na = 1\n", "config.toml");
        Read(doc);

        var e = Assert.Throws<ZwarmException>(doc.Validate);
        Assert.Equal(ErrorKind.Config, e.Kind);
        Assert.Contains("unknown key 'executor.modle'", e.Message);
        Assert.Contains("unknown key 'nonsense'", e.Message);
    }

    [Fact]
    public void WrongTypeAndBadValue_AreErrors()
    {
        var doc = ConfigDocument.Parse("[executor]\nmodel = 5\nsandbox = \"yolo\"\n[adapters.aider]\nx = 1\n", null);
        Read(doc);

        var e = Assert.Throws<ZwarmException>(doc.Validate);
        Assert.Contains("executor.model must be a string", e.Message);
        Assert.Contains("executor.sandbox", e.Message);
        Assert.Contains("adapters.aider: unknown adapter", e.Message);
    }

    [Fact]
    public void SyntaxError_ReportsFileAndLine()
    {
        var e = Assert.Throws<ZwarmException>(() => ConfigDocument.Parse("[executor]\nmodel = \n", "/x/config.toml"));
        Assert.Equal(ErrorKind.Config, e.Kind);
        Assert.StartsWith("/x/config.toml:2:", e.Message);
        Assert.Contains("Missing value", e.Message);
    }

    [Fact]
    public void SetOverrides_WinOverTheFileAndParseTomlValues()
    {
        var doc = ConfigDocument.Parse("[executor]\nmodel = \"a\"\n", null,
            ["executor.model=gpt-5.1-codex", "executor.kill_grace_seconds=7", "adapters.codex.args=[\"-c\", \"x=1\"]"]);
        var config = Read(doc);
        doc.Validate();

        Assert.Equal("gpt-5.1-codex", config.Executor.Model);
        Assert.Equal(TimeSpan.FromSeconds(7), config.Executor.KillGrace);
        Assert.Equal(["-c", "x=1"], config.AdapterSettingsFor("codex").Args);
    }

    [Fact]
    public void SetWithoutEquals_IsAUsageError()
    {
        var e = Assert.Throws<ZwarmException>(() => ConfigDocument.Parse("", null, ["executor.model"]));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }
}
