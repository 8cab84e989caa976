// `zwarm agents use-local gemini`: Gemini CLI speaks the Google Gemini API (POST /v1beta/models/M:streamGenerateContent),
// pointed elsewhere with GOOGLE_GEMINI_BASE_URL (the server root, without /v1beta). An API key alone is not enough:
// without security.auth.selectedType "gemini-api-key" in settings.json it exits 41 ("Invalid auth method selected."),
// so zwarm gives it a private home (GEMINI_CLI_HOME, under the state directory) whose .gemini/settings.json selects the
// key and keeps it offline (no usage statistics, telemetry or update checks). The key is read from GEMINI_API_KEY
// (or GOOGLE_API_KEY); config values are plain text, so zwarm writes a placeholder, never a secret.
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.Gemini;

internal static class GeminiLocalModel
{
    private static readonly string[] KeyVariables = ["GEMINI_API_KEY", "GOOGLE_API_KEY"];

    public static LocalModelSetup Setup(LocalModelRequest request)
    {
        if (request.ApiKeyVariable is { } key && !KeyVariables.Contains(key, StringComparer.Ordinal))
        {
            throw new ZwarmException(ErrorKind.Usage,
                $"Gemini CLI reads its key only from {string.Join(" or ", KeyVariables)}: export the key as one of them and pass that name to --api-key-env");
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GOOGLE_GEMINI_BASE_URL"] = ServerRoot(request.BaseUrl),
            ["GEMINI_CLI_HOME"] = request.PrivateHome,
        };
        if (request.ApiKeyVariable is null)
        {
            environment["GEMINI_API_KEY"] = "local";
        }
        if (request.Model is { Length: > 0 } model)
        {
            // Pinned, so Gemini CLI's router ("auto") does not ask for other models the server may not have.
            environment["GEMINI_MODEL"] = model;
        }
        return new LocalModelSetup(environment,
            [new LocalModelFile(Path.Combine(request.PrivateHome, ".gemini", "settings.json"), Settings)],
            "Google Gemini API (POST /v1beta/models/MODEL:streamGenerateContent?alt=sse)",
            "a Gemini-compatible server or proxy (LiteLLM's Gemini route, a Vertex/Gemini gateway); an OpenAI- or " +
            "Anthropic-only server does not work with Gemini CLI");
    }

    /// <summary>The settings.json zwarm writes (0.61 keys); the same as the tests' isolated homes use.</summary>
    public const string Settings = """
        {
          "security": { "auth": { "selectedType": "gemini-api-key" } },
          "privacy": { "usageStatisticsEnabled": false },
          "telemetry": { "enabled": false },
          "general": { "enableAutoUpdate": false, "enableAutoUpdateNotification": false }
        }

        """;

    // Users paste ".../v1beta" or ".../v1" as often as the root; the CLI appends /v1beta itself.
    private static string ServerRoot(string baseUrl)
    {
        var url = LocalUrls.Normalize(baseUrl);
        foreach (var suffix in new[] { "/v1beta", "/v1alpha", "/v1" })
        {
            if (url.EndsWith(suffix, StringComparison.Ordinal))
            {
                return url[..^suffix.Length];
            }
        }
        return url;
    }
}
