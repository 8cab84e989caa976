// What a real agent CLI needs to talk only to a given model server: environment variables and a private
// config folder (Codex CODEX_HOME with config.toml, Claude Code CLAUDE_CONFIG_DIR).
namespace Zwarm.ScriptedModels.Agents;

/// <summary>
/// Environment changes for an agent process (a null value removes an inherited variable, as zwarm's
/// <c>ProcessSpec.EnvironmentOverrides</c> expects) and the folders created for it.
/// </summary>
public sealed partial record AgentCliEnvironment(
    AgentCli Cli,
    IReadOnlyDictionary<string, string?> Variables,
    string ConfigDirectory,
    IReadOnlyList<string> CreatedPaths)
{
    public const string DefaultApiKey = "zwarm-scripted-key";

    /// <summary>
    /// A fresh <c>CODEX_HOME</c> under <paramref name="directory"/> whose config.toml points Codex at the server's
    /// Responses endpoint (provider <c>local</c>, no retries, analytics and plugins off), plus its env vars.
    /// </summary>
    public static AgentCliEnvironment ForCodex(string serverBaseUrl, string directory, CodexEnvironmentOptions? options = null)
    {
        options ??= new CodexEnvironmentOptions();
        var home = Path.Combine(Path.GetFullPath(directory), "codex-home");
        Directory.CreateDirectory(home);
        var config = Path.Combine(home, "config.toml");
        File.WriteAllText(config, CodexConfig.Render(OpenAIBaseUrl(serverBaseUrl), options));
        var variables = new Dictionary<string, string?>
        {
            ["CODEX_HOME"] = home,
            [CodexConfig.ApiKeyVariable] = options.ApiKey,
            // Variables that could send Codex elsewhere or change its auth must not leak in from the parent.
            ["OPENAI_BASE_URL"] = null,
            ["CODEX_API_KEY"] = null,
            ["RUST_LOG"] = null,
        };
        List<string> created = [home, config];
        if (options.IsolatedHome) variables["HOME"] = CreateHome(directory, created);
        return new AgentCliEnvironment(AgentCli.Codex, variables, home, created);
    }

    /// <summary>
    /// A fresh <c>CLAUDE_CONFIG_DIR</c> under <paramref name="directory"/> and the variables that make Claude Code
    /// call only <paramref name="serverBaseUrl"/> (no telemetry, updates, error reports, or retries).
    /// </summary>
    public static AgentCliEnvironment ForClaude(string serverBaseUrl, string directory, ClaudeEnvironmentOptions? options = null)
    {
        options ??= new ClaudeEnvironmentOptions();
        var configDir = Path.Combine(Path.GetFullPath(directory), "claude-config");
        Directory.CreateDirectory(configDir);
        var variables = new Dictionary<string, string?>
        {
            ["ANTHROPIC_BASE_URL"] = RootUrl(serverBaseUrl),
            ["ANTHROPIC_API_KEY"] = options.ApiKey,
            ["CLAUDE_CONFIG_DIR"] = configDir,
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_TELEMETRY"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["DISABLE_ERROR_REPORTING"] = "1",
            ["CLAUDE_CODE_MAX_RETRIES"] = "0",
            // Credentials or providers inherited from the parent would win over the fake server.
            ["ANTHROPIC_AUTH_TOKEN"] = null,
            ["CLAUDE_CODE_USE_BEDROCK"] = null,
            ["CLAUDE_CODE_USE_VERTEX"] = null,
            ["CLAUDE_CODE_USE_FOUNDRY"] = null,
            ["IS_SANDBOX"] = options.IsSandbox ? "1" : null,
        };
        if (options.Model is { } model) variables["ANTHROPIC_MODEL"] = model;
        List<string> created = [configDir];
        if (options.IsolatedHome) variables["HOME"] = CreateHome(directory, created);
        return new AgentCliEnvironment(AgentCli.ClaudeCode, variables, configDir, created);
    }

    /// <summary>Applies the variables to a <see cref="System.Diagnostics.ProcessStartInfo"/>.</summary>
    public void ApplyTo(System.Diagnostics.ProcessStartInfo startInfo)
    {
        foreach (var (name, value) in Variables)
        {
            if (value is null) startInfo.Environment.Remove(name);
            else startInfo.Environment[name] = value;
        }
    }

    private static string CreateHome(string directory, List<string> created)
    {
        var home = Path.Combine(Path.GetFullPath(directory), "home");
        Directory.CreateDirectory(home);
        created.Add(home);
        return home;
    }

    /// <summary><c>http://host:port</c> without a trailing <c>/v1</c> (what Anthropic clients want).</summary>
    public static string RootUrl(string serverBaseUrl)
    {
        var url = serverBaseUrl.TrimEnd('/');
        return url.EndsWith("/v1", StringComparison.Ordinal) ? url[..^3] : url;
    }

    /// <summary><c>http://host:port/v1</c> (what OpenAI clients want).</summary>
    public static string OpenAIBaseUrl(string serverBaseUrl) => RootUrl(serverBaseUrl) + "/v1";
}
