using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexConfiguredModelTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string?> CodexHome(string toml)
    {
        File.WriteAllText(_dir.Combine("config.toml"), toml);
        return new Dictionary<string, string?> { ["CODEX_HOME"] = _dir.Path, ["HOME"] = "/nonexistent" };
    }

    [Fact]
    public void Find_ReadsTheTopLevelModelOfCodexHomeConfig() =>
        Assert.Equal("gpt-5.5", CodexConfiguredModel.Find([], CodexHome("model = \"gpt-5.5\"\nmodel_provider = \"local\"\n[model_providers.local]\nname = \"local\"\n")));

    [Fact]
    public void Find_PrefersTheActiveProfile() =>
        Assert.Equal("o3", CodexConfiguredModel.Find([], CodexHome("model = \"gpt-5.5\"\nprofile = \"deep\"\n[profiles.deep]\nmodel = \"o3\"\n")));

    [Fact]
    public void Find_PrefersTheAdapterArguments()
    {
        var env = CodexHome("model = \"gpt-5.5\"\n[profiles.fast]\nmodel = \"gpt-5.4-mini\"\n");
        Assert.Equal("gpt-5.1-codex", CodexConfiguredModel.Find(["-m", "gpt-5.1-codex"], env));
        Assert.Equal("gpt-5.4", CodexConfiguredModel.Find(["-c", "model=\"gpt-5.4\""], env));
        Assert.Equal("gpt-5.4-mini", CodexConfiguredModel.Find(["--profile", "fast"], env));
    }

    [Fact]
    public void Find_FallsBackToDotCodexInHome()
    {
        Directory.CreateDirectory(_dir.Combine(".codex"));
        File.WriteAllText(_dir.Combine(".codex", "config.toml"), "model = \"gpt-5.3-codex\"\n");
        Assert.Equal("gpt-5.3-codex", CodexConfiguredModel.Find([], new Dictionary<string, string?> { ["HOME"] = _dir.Path }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("model_provider = \"local\"\n")]
    [InlineData("model = [broken")]
    [InlineData("model = 42\n")]
    public void Find_IsNullWhenTheConfigNamesNoModel(string toml) =>
        Assert.Null(CodexConfiguredModel.Find([], CodexHome(toml)));

    [Fact]
    public void Find_IsNullWithoutAnyConfig() =>
        Assert.Null(CodexConfiguredModel.Find([], new Dictionary<string, string?> { ["CODEX_HOME"] = _dir.Combine("missing") }));
}
