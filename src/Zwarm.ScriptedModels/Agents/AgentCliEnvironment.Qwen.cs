// Qwen Code against a scripted server: a fresh QWEN_HOME whose settings.json selects the OpenAI-compatible provider
// and keeps Qwen offline and quiet (no usage statistics, telemetry or auto-update, and none of the managed
// auto-memory / auto-dream background model calls), plus OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_MODEL.
// Qwen stores its sessions under QWEN_HOME, so every turn of one conversation must get the same environment.
namespace Zwarm.ScriptedModels.Agents;

public sealed partial record AgentCliEnvironment
{
    /// <summary>The settings.json written into the fresh QWEN_HOME (the same keys `zwarm agents use-local qwen` writes).</summary>
    public const string QwenSettings = """
        {
          "security": { "auth": { "selectedType": "openai" } },
          "privacy": { "usageStatisticsEnabled": false },
          "general": { "enableAutoUpdate": false },
          "memory": { "enableManagedAutoMemory": false, "enableManagedAutoDream": false },
          "telemetry": { "enabled": false },
          "$version": 4
        }
        """;

    /// <summary>
    /// A fresh <c>QWEN_HOME</c> under <paramref name="directory"/> and the variables that make Qwen Code call only the
    /// server's Chat Completions endpoint with <see cref="QwenEnvironmentOptions.Model"/>.
    /// </summary>
    public static AgentCliEnvironment ForQwen(string serverBaseUrl, string directory, QwenEnvironmentOptions? options = null)
    {
        options ??= new QwenEnvironmentOptions();
        var home = Path.Combine(Path.GetFullPath(directory), "qwen-home");
        Directory.CreateDirectory(home);
        var settings = Path.Combine(home, "settings.json");
        File.WriteAllText(settings, QwenSettings + "\n");
        var variables = new Dictionary<string, string?>
        {
            ["QWEN_HOME"] = home,
            ["OPENAI_BASE_URL"] = OpenAIBaseUrl(serverBaseUrl),
            ["OPENAI_API_KEY"] = options.ApiKey,
            ["OPENAI_MODEL"] = options.Model,
            // The tests' own stderr stays readable; the warning says nothing the tests do not know.
            ["QWEN_CODE_SUPPRESS_YOLO_WARNING"] = "1",
            // Inherited settings that would send Qwen elsewhere, sandbox it in a container or retry for minutes.
            ["QWEN_SANDBOX"] = null,
            ["QWEN_CODE_UNATTENDED_RETRY"] = null,
            ["DASHSCOPE_API_KEY"] = null,
        };
        List<string> created = [home, settings];
        if (options.IsolatedHome) variables["HOME"] = CreateHome(directory, created);
        return new AgentCliEnvironment(AgentCli.QwenCode, variables, home, created);
    }
}
