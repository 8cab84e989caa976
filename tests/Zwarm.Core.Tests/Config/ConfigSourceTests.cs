// A bad setting is blamed on where it came from: `--set` for an override, the file and line for config.toml; and
// an unknown key comes with the known key it most likely meant.
using Zwarm.Core.Config;

namespace Zwarm.Core.Tests.Config;

public sealed class ConfigSourceTests
{
    private static ZwarmException Invalid(ConfigDocument doc)
    {
        ZwarmConfig.Read(doc, name => name is "codex" or "claude_code" ? name : null);
        return Assert.Throws<ZwarmException>(doc.Validate);
    }

    [Fact]
    public void SetTypo_NamesSetNotTheFile_WithTheClosestKey()
    {
        var e = Invalid(ConfigDocument.Parse("", "/nowhere/config.toml", ["executor.adpter=x"]));

        Assert.Equal("--set: unknown key 'executor.adpter' (did you mean 'executor.adapter'?)", e.Message);
    }

    [Fact]
    public void FileTypo_NamesTheFileAndTheLine()
    {
        var e = Invalid(ConfigDocument.Parse("# mine\n[executor]\nmodel = \"x\"\n\"sandbx\" = \"read-only\"\n", "/home/me/config.toml"));

        Assert.Equal("/home/me/config.toml:4: unknown key 'executor.sandbx' (did you mean 'executor.sandbox'?)", e.Message);
    }

    [Fact]
    public void WrongTypeFromSet_And_UnknownSection_InTheFile_EachUnderItsSource()
    {
        var e = Invalid(ConfigDocument.Parse("[exector]\nadapter = \"codex\"\n", "c.toml", ["executor.kill_grace_seconds=soon"]));

        Assert.Contains("--set: executor.kill_grace_seconds must be", e.Message);
        Assert.Contains("c.toml:1: unknown key 'exector' (did you mean 'executor'?)", e.Message);
    }

    [Theory]
    [InlineData("[executor]\nmodel = 1\n", "executor.model", 2)]
    [InlineData("[adapters]\ncodex.model = \"m\"\n", "adapters.codex.model", 2)]
    [InlineData("a = 1\n[b]\na = 2\n", "b.a", 3)]
    [InlineData("a = 1\n[b]\na = 2\n", "a", 1)]
    [InlineData("[ adapters.\"codex\" ]\n", "adapters.codex", 1)]
    [InlineData("x = 1\n", "y", null)]
    public void Lines_FindTheKey(string text, string path, int? line) =>
        Assert.Equal(line, ConfigLines.Find(text, path));
}
