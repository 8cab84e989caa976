// `zwarm agents use-local opencode`: opencode reaches any OpenAI-compatible server through a custom provider using the
// @ai-sdk/openai-compatible package (bundled with the binary, no download), given as OPENCODE_CONFIG_CONTENT — JSON
// in the environment that opencode merges over the user's config files, so nothing of the user's is rewritten.
// OPENCODE_DISABLE_MODELS_FETCH=1 keeps it from fetching the models.dev catalog. The key is never written: opencode
// substitutes {env:VAR} in its config itself.
using System.Text.Json.Nodes;
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.OpenCode;

internal static class OpenCodeLocalModel
{
    /// <summary>The provider id in the generated config: models are "zwarm_local/MODEL".</summary>
    public const string ProviderId = "zwarm_local";

    public static LocalModelSetup Setup(LocalModelRequest request)
    {
        var options = new JsonObject
        {
            ["baseURL"] = LocalUrls.WithV1(request.BaseUrl),
            ["apiKey"] = request.ApiKeyVariable is { } key ? $"{{env:{key}}}" : "local",
        };
        var provider = new JsonObject
        {
            ["npm"] = "@ai-sdk/openai-compatible",
            ["name"] = "local (zwarm agents use-local)",
            ["options"] = options,
        };
        var config = new JsonObject
        {
            ["$schema"] = "https://opencode.ai/config.json",
            ["provider"] = new JsonObject { [ProviderId] = provider },
            ["autoupdate"] = false,
            ["share"] = "disabled",
        };
        if (request.Model is { Length: > 0 } model)
        {
            provider["models"] = new JsonObject { [model] = new JsonObject { ["name"] = model, ["tool_call"] = true } };
            config["model"] = $"{ProviderId}/{model}";
            // Titles and summaries use the small model; a local server has only this one.
            config["small_model"] = $"{ProviderId}/{model}";
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OpenCodeConfig.ContentVariable] = config.ToJsonString(),
            ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
            ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
        };
        return new LocalModelSetup(environment, [],
            "OpenAI Chat Completions API (POST /v1/chat/completions, streamed)",
            "Ollama, LM Studio, vLLM, llama.cpp's llama-server, LiteLLM, or any OpenAI-compatible server with tool calls");
    }
}
