// Gemini CLI against a scripted server: GOOGLE_GEMINI_BASE_URL (the server root), GEMINI_API_KEY, and a private
// GEMINI_CLI_HOME whose .gemini/settings.json selects the API key (without it: "Invalid auth method selected.", exit
// 41) and turns off usage statistics, telemetry and update checks. TMPDIR goes there too: Gemini writes error dumps
// into it.
namespace Zwarm.ScriptedModels.Agents;

public sealed partial record AgentCliEnvironment
{
    /// <summary>The settings.json every scripted Gemini run gets (shared/reference/configs/gemini-settings.json).</summary>
    public const string GeminiSettings = """
        {
          "security": { "auth": { "selectedType": "gemini-api-key" } },
          "privacy": { "usageStatisticsEnabled": false },
          "telemetry": { "enabled": false },
          "general": { "enableAutoUpdate": false, "enableAutoUpdateNotification": false }
        }

        """;

    /// <summary>A fresh <c>GEMINI_CLI_HOME</c> under <paramref name="directory"/> pointing Gemini CLI at <paramref name="serverBaseUrl"/>.</summary>
    public static AgentCliEnvironment ForGemini(string serverBaseUrl, string directory, GeminiEnvironmentOptions? options = null)
    {
        options ??= new GeminiEnvironmentOptions();
        var home = Path.Combine(Path.GetFullPath(directory), "gemini-home");
        var settingsDir = Path.Combine(home, ".gemini");
        var tmp = Path.Combine(home, "tmp");
        Directory.CreateDirectory(settingsDir);
        Directory.CreateDirectory(tmp);
        var settings = Path.Combine(settingsDir, "settings.json");
        File.WriteAllText(settings, GeminiSettings);
        var variables = new Dictionary<string, string?>
        {
            ["GOOGLE_GEMINI_BASE_URL"] = RootUrl(serverBaseUrl),
            ["GEMINI_API_KEY"] = options.ApiKey,
            ["GEMINI_CLI_HOME"] = home,
            ["TMPDIR"] = tmp,
            // Credentials or model choices inherited from the parent would win over the fake server or the test's model.
            ["GOOGLE_API_KEY"] = null,
            ["GOOGLE_GENAI_USE_VERTEXAI"] = null,
            ["GOOGLE_GENAI_USE_GCA"] = null,
            ["GOOGLE_CLOUD_PROJECT"] = null,
            ["GEMINI_MODEL"] = options.Model,
        };
        List<string> created = [home, settings, tmp];
        if (options.IsolatedHome) variables["HOME"] = CreateHome(directory, created);
        return new AgentCliEnvironment(AgentCli.Gemini, variables, home, created);
    }
}
