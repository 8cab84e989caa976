// `zwarm agents use-local claude_code`: Claude Code speaks the Anthropic Messages API (POST /v1/messages), and is
// pointed at another server with ANTHROPIC_BASE_URL (the server root, without /v1). It needs a credential variable to
// be set even when the server ignores it, so a placeholder token is used unless the user names the key's variable
// (which must be one Claude Code reads: config values are plain text, and zwarm writes no secrets into them).
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.Claude;

internal static class ClaudeLocalModel
{
    private static readonly string[] KeyVariables = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"];

    public static LocalModelSetup Setup(LocalModelRequest request)
    {
        if (request.ApiKeyVariable is { } key && !KeyVariables.Contains(key, StringComparer.Ordinal))
        {
            throw new ZwarmException(ErrorKind.Usage,
                $"Claude Code reads its key only from {string.Join(" or ", KeyVariables)}: export the key as one of them and pass that name to --api-key-env");
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ANTHROPIC_BASE_URL"] = LocalUrls.WithoutV1(request.BaseUrl),
            // Without it Claude Code looks up remote hosts (updates, telemetry) that a local setup does not want.
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        };
        if (request.ApiKeyVariable is null)
        {
            environment["ANTHROPIC_AUTH_TOKEN"] = "local";
        }
        if (request.Model is { Length: > 0 } model)
        {
            environment["ANTHROPIC_MODEL"] = model;
            // Its background calls (titles, summaries) use the "small fast" model: the same one is all a local server has.
            environment["ANTHROPIC_SMALL_FAST_MODEL"] = model;
        }
        return new LocalModelSetup(environment, [],
            "Anthropic Messages API (POST /v1/messages, streamed with event: lines)",
            "Ollama 0.14 or newer, LM Studio, vLLM, llama.cpp's llama-server (2026 builds), or a proxy such as LiteLLM " +
            "in front of any other server; an OpenAI-only server does not work with Claude Code");
    }
}
