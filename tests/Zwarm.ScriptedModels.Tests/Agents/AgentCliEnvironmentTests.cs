using System.Diagnostics;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Agents;

public sealed class AgentCliEnvironmentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Codex_gets_a_fresh_home_whose_config_routes_to_the_server_responses_endpoint()
    {
        var env = AgentCliEnvironment.ForCodex("http://127.0.0.1:4321/v1/", _temp.Path,
            new CodexEnvironmentOptions { AdditionalToml = "[mcp_servers.zwarm]\ncommand = \"zwarm\"" });

        var config = File.ReadAllText(Path.Combine(env.ConfigDirectory, "config.toml"));
        Assert.Equal(env.ConfigDirectory, env.Variables["CODEX_HOME"]);
        Assert.Equal(AgentCliEnvironment.DefaultApiKey, env.Variables["LOCAL_API_KEY"]);
        Assert.True(env.Variables.ContainsKey("OPENAI_BASE_URL"));
        Assert.Null(env.Variables["OPENAI_BASE_URL"]);
        Assert.Contains("base_url = \"http://127.0.0.1:4321/v1\"\n", config);
        Assert.Contains("model_provider = \"local\"", config);
        Assert.Contains("wire_api = \"responses\"", config);
        Assert.Contains("request_max_retries = 0", config);
        Assert.Contains("stream_max_retries = 0", config);
        Assert.Contains("env_key = \"LOCAL_API_KEY\"", config);
        Assert.EndsWith("[mcp_servers.zwarm]\ncommand = \"zwarm\"\n", config);
        Assert.All(env.CreatedPaths, p => Assert.True(Path.Exists(p), p));
    }

    [Fact]
    public void Claude_gets_a_fresh_config_dir_and_only_talks_to_the_server()
    {
        var env = AgentCliEnvironment.ForClaude("http://127.0.0.1:4321/v1", _temp.Path, new ClaudeEnvironmentOptions { IsSandbox = true });

        Assert.Equal("http://127.0.0.1:4321", env.Variables["ANTHROPIC_BASE_URL"]);
        Assert.Equal(env.ConfigDirectory, env.Variables["CLAUDE_CONFIG_DIR"]);
        Assert.True(Directory.Exists(env.ConfigDirectory));
        Assert.Equal("1", env.Variables["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"]);
        Assert.Equal("0", env.Variables["CLAUDE_CODE_MAX_RETRIES"]);
        Assert.Equal("1", env.Variables["IS_SANDBOX"]);
        Assert.Null(env.Variables["ANTHROPIC_AUTH_TOKEN"]);
        Assert.False(string.IsNullOrEmpty(env.Variables["ANTHROPIC_API_KEY"]));
    }

    [Fact]
    public void Gemini_gets_a_private_cli_home_selecting_the_api_key_and_the_server_root()
    {
        var env = AgentCliEnvironment.ForGemini("http://127.0.0.1:4321/v1", _temp.Path,
            new GeminiEnvironmentOptions { Model = "gemini-2.5-flash", IsolatedHome = true });

        Assert.Equal("http://127.0.0.1:4321", env.Variables["GOOGLE_GEMINI_BASE_URL"]); // no /v1: Gemini adds /v1beta
        Assert.Equal(env.ConfigDirectory, env.Variables["GEMINI_CLI_HOME"]);
        Assert.Equal(AgentCliEnvironment.DefaultApiKey, env.Variables["GEMINI_API_KEY"]);
        Assert.Equal("gemini-2.5-flash", env.Variables["GEMINI_MODEL"]);
        Assert.StartsWith(env.ConfigDirectory, env.Variables["TMPDIR"]);
        Assert.Null(env.Variables["GOOGLE_API_KEY"]);
        Assert.Null(env.Variables["GOOGLE_GENAI_USE_VERTEXAI"]);
        Assert.NotEqual(env.ConfigDirectory, env.Variables["HOME"]);
        var settings = File.ReadAllText(Path.Combine(env.ConfigDirectory, ".gemini", "settings.json"));
        using var json = System.Text.Json.JsonDocument.Parse(settings);
        Assert.Equal("gemini-api-key", json.RootElement.GetProperty("security").GetProperty("auth").GetProperty("selectedType").GetString());
        Assert.False(json.RootElement.GetProperty("privacy").GetProperty("usageStatisticsEnabled").GetBoolean());
        Assert.All(env.CreatedPaths, p => Assert.True(Path.Exists(p), p));
    }

    [Fact]
    public void Qwen_gets_a_fresh_home_with_offline_settings_and_the_servers_chat_endpoint()
    {
        var env = AgentCliEnvironment.ForQwen("http://127.0.0.1:4321", _temp.Path, new QwenEnvironmentOptions { IsolatedHome = true });

        Assert.Equal(AgentCli.QwenCode, env.Cli);
        Assert.Equal(env.ConfigDirectory, env.Variables["QWEN_HOME"]);
        Assert.Equal("http://127.0.0.1:4321/v1", env.Variables["OPENAI_BASE_URL"]);
        Assert.Equal("qwen3-coder-plus", env.Variables["OPENAI_MODEL"]);
        Assert.Equal(AgentCliEnvironment.DefaultApiKey, env.Variables["OPENAI_API_KEY"]);
        Assert.Null(env.Variables["QWEN_SANDBOX"]);
        Assert.NotEqual(env.ConfigDirectory, env.Variables["HOME"]);
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(env.ConfigDirectory, "settings.json")));
        var memory = settings.RootElement.GetProperty("memory");
        Assert.False(memory.GetProperty("enableManagedAutoMemory").GetBoolean());
        Assert.False(settings.RootElement.GetProperty("privacy").GetProperty("usageStatisticsEnabled").GetBoolean());
        Assert.All(env.CreatedPaths, p => Assert.True(Path.Exists(p), p));
    }

    [Fact]
    public void Apply_sets_values_and_removes_the_variables_mapped_to_null()
    {
        var env = AgentCliEnvironment.ForClaude("http://127.0.0.1:1", _temp.Path);
        var startInfo = new ProcessStartInfo("true");
        startInfo.Environment["ANTHROPIC_AUTH_TOKEN"] = "leaked";
        startInfo.Environment["IS_SANDBOX"] = "1";

        env.ApplyTo(startInfo);

        Assert.False(startInfo.Environment.ContainsKey("ANTHROPIC_AUTH_TOKEN"));
        Assert.False(startInfo.Environment.ContainsKey("IS_SANDBOX"));
        Assert.Equal("http://127.0.0.1:1", startInfo.Environment["ANTHROPIC_BASE_URL"]);
    }
}
