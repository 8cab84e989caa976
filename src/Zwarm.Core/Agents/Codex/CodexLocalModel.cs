// `zwarm agents use-local codex`: a private CODEX_HOME whose config.toml adds a `model_providers` entry for the
// server (the format checked against codex-cli 0.169.0 offline, see /work/shared/REFERENCE.md). This Codex speaks only
// the OpenAI Responses API (`wire_api = "chat"` is rejected), so the server must serve POST /v1/responses.
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.Codex;

internal static class CodexLocalModel
{
    /// <summary>The provider id written into the private config.toml.</summary>
    public const string ProviderId = "zwarm_local";

    /// <summary>The key variable used when the server needs none: Codex insists that env_key names a set variable.</summary>
    public const string PlaceholderKeyVariable = "ZWARM_LOCAL_API_KEY";

    public static LocalModelSetup Setup(LocalModelRequest request)
    {
        var keyVariable = request.ApiKeyVariable ?? PlaceholderKeyVariable;
        var config = new System.Text.StringBuilder();
        config.Append("# Written by `zwarm agents use-local codex`; rewritten on each run. Codex reads it as CODEX_HOME/config.toml.\n");
        if (request.Model is { Length: > 0 } model)
        {
            config.Append($"model = {TomlText.Quote(model)}\n");
        }
        config.Append($"model_provider = \"{ProviderId}\"\n\n");
        config.Append("[analytics]\nenabled = false\n\n");
        config.Append("[features]\nplugins = false\nunbounded_connection_retries = false\n\n");
        config.Append($"[model_providers.{ProviderId}]\n");
        config.Append("name = \"local (zwarm agents use-local)\"\n");
        config.Append($"base_url = {TomlText.Quote(LocalUrls.WithV1(request.BaseUrl))}\n");
        config.Append($"env_key = {TomlText.Quote(keyVariable)}\n");
        config.Append("wire_api = \"responses\"\n");
        config.Append("request_max_retries = 1\nstream_max_retries = 1\n");

        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["CODEX_HOME"] = request.PrivateHome };
        if (request.ApiKeyVariable is null)
        {
            environment[PlaceholderKeyVariable] = "local";
        }
        return new LocalModelSetup(
            environment,
            [new LocalModelFile(Path.Combine(request.PrivateHome, "config.toml"), config.ToString())],
            "OpenAI Responses API (POST /v1/responses)",
            "Ollama (recent versions, stateless Responses), vLLM, LM Studio, or any server that implements POST " +
            "/v1/responses; a server with only /v1/chat/completions does not work with this Codex");
    }
}
