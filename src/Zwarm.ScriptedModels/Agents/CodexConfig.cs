using System.Text;

namespace Zwarm.ScriptedModels.Agents;

/// <summary>Renders the Codex config.toml that routes every model call to one Responses endpoint.</summary>
internal static class CodexConfig
{
    public const string ApiKeyVariable = "LOCAL_API_KEY";

    public static string Render(string openAIBaseUrl, CodexEnvironmentOptions options)
    {
        var toml = new StringBuilder()
            .Append("# Written by zwarm: route Codex to a local model server only.\n")
            .Append("model = ").Append(Quote(options.Model)).Append('\n')
            .Append("model_provider = \"local\"\n\n")
            .Append("[analytics]\nenabled = false\n\n")
            .Append("[features]\nplugins = false\nunbounded_connection_retries = false\n\n")
            .Append("[model_providers.local]\n")
            .Append("name = \"local\"\n")
            .Append("base_url = ").Append(Quote(openAIBaseUrl)).Append('\n')
            .Append("env_key = \"").Append(ApiKeyVariable).Append("\"\n")
            .Append("wire_api = \"responses\"\n")
            .Append("request_max_retries = 0\n")
            .Append("stream_max_retries = 0\n");
        if (!string.IsNullOrWhiteSpace(options.AdditionalToml)) toml.Append('\n').Append(options.AdditionalToml.Trim()).Append('\n');
        return toml.ToString();
    }

    /// <summary>A TOML basic string.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
