using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Config;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Agents.Local;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalModelServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ZwarmContext Context => new()
    {
        StateDirectory = _dir.Combine(".zwarm"),
        WorkingDirectory = _dir.Path,
        Environment = new Dictionary<string, string?>(),
    };

    [Fact]
    public void Codex_GetsAPrivateCodexHomeWithAResponsesProvider_AndTheConfigPointsAtIt()
    {
        var change = new LocalModelService(Context).Use("codex", "http://localhost:11434", "qwen3-coder", null, dryRun: false);

        var home = _dir.Combine(".zwarm", "agents", "codex");
        var config = File.ReadAllText(Path.Combine(home, "config.toml"));
        Assert.Contains("base_url = \"http://localhost:11434/v1\"", config);
        Assert.Contains("wire_api = \"responses\"", config);
        Assert.Contains("model = \"qwen3-coder\"", config);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "config.toml")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home));

        var document = ConfigDocument.Load(Context.ConfigPath);
        var settings = ZwarmConfig.Read(document, n => AgentRegistry.Default.Find(n)?.Name).AdapterSettingsFor("codex");
        Assert.Equal(home, settings.Env["CODEX_HOME"]);
        Assert.True(change.Written);
        // What --check and `ls` read back: the endpoint and the model Codex will use.
        var codex = AgentRegistry.Default.Find("codex")!;
        Assert.Equal("http://localhost:11434/v1", codex.ModelEndpoint(settings, AgentEnvironment.With(Context.Environment, settings)));
        Assert.Equal("qwen3-coder", codex.ConfiguredModel(settings, AgentEnvironment.With(Context.Environment, settings)));
    }

    [Fact]
    public void Gemini_GetsAPrivateHomeWhoseSettingsSelectTheApiKey_AndTheConfigPointsAtIt()
    {
        new LocalModelService(Context).Use("gemini", "http://localhost:4000", "gemini-2.5-flash", null, dryRun: false);

        var home = _dir.Combine(".zwarm", "agents", "gemini");
        var settingsFile = Path.Combine(home, ".gemini", "settings.json");
        Assert.Contains("\"selectedType\": \"gemini-api-key\"", File.ReadAllText(settingsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settingsFile));
        var document = ConfigDocument.Load(Context.ConfigPath);
        var settings = ZwarmConfig.Read(document, n => AgentRegistry.Default.Find(n)?.Name).AdapterSettingsFor("gemini");
        Assert.Equal(home, settings.Env["GEMINI_CLI_HOME"]);
        Assert.Equal("local", settings.Env["GEMINI_API_KEY"]);
        var gemini = AgentRegistry.Default.Find("gemini")!;
        Assert.Equal("http://localhost:4000", gemini.ModelEndpoint(settings, AgentEnvironment.With(Context.Environment, settings)));
    }

    [Fact]
    public void Print_WritesNothing_AndOffRemovesWhatUseWrote()
    {
        var service = new LocalModelService(Context);

        var preview = service.Use("claude", "http://127.0.0.1:8080/v1", null, null, dryRun: true);
        Assert.False(File.Exists(Context.ConfigPath));
        Assert.Contains("ANTHROPIC_BASE_URL = \"http://127.0.0.1:8080\"", preview.Block);

        service.Use("claude", "http://127.0.0.1:8080/v1", null, null, dryRun: false);
        Assert.True(service.Off("claude_code", dryRun: false).Changed);
        Assert.Equal("", File.ReadAllText(Context.ConfigPath));
        Assert.False(service.Off("claude_code", dryRun: false).Changed);
    }

    [Theory]
    [InlineData("codex", "localhost:11434", null)]
    [InlineData("codex", "http://localhost:11434", "BAD-NAME")]
    [InlineData("claude", "http://localhost:11434", "MY_KEY")]
    [InlineData("aider", "http://localhost:11434", null)]
    public void BadInput_IsAUsageError_AndWritesNothing(string agent, string url, string? key)
    {
        var e = Assert.Throws<ZwarmException>(() => new LocalModelService(Context).Use(agent, url, null, key, dryRun: false));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.False(Directory.Exists(Context.StateDirectory));
    }
}
