namespace Zwarm.ScriptedModels.Requests;

/// <summary>Which wire protocol a request used.</summary>
public enum ModelApi
{
    /// <summary><c>POST /v1/responses</c> (OpenAI Responses API; what Codex CLI speaks).</summary>
    OpenAIResponses,

    /// <summary><c>POST /v1/chat/completions</c> (OpenAI Chat Completions and compatible servers).</summary>
    OpenAIChatCompletions,

    /// <summary><c>POST /v1/messages</c> (Anthropic Messages API; what Claude Code speaks).</summary>
    AnthropicMessages,

    /// <summary><c>POST /v1/messages/count_tokens</c>; answered with a token estimate, never scripted.</summary>
    AnthropicCountTokens,

    /// <summary>Anything else (probes, model listings, unknown paths); answered generically, never scripted.</summary>
    Other,
}
