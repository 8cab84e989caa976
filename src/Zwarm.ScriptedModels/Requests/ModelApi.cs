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

    /// <summary>
    /// <c>POST /v1beta/models/M:streamGenerateContent?alt=sse</c> or <c>:generateContent</c> (Google Gemini API; what
    /// Gemini CLI speaks). The model is in the path; streaming is chosen by the method name, not the body.
    /// </summary>
    GeminiGenerateContent,

    /// <summary><c>POST /v1beta/models/M:countTokens</c>; answered with a token estimate, never scripted.</summary>
    GeminiCountTokens,

    /// <summary>
    /// A Gemini <c>generateContent</c> call that asks for JSON by schema (<c>responseMimeType: application/json</c>):
    /// Gemini CLI's own side requests (model routing when no model is pinned, next-speaker and loop checks). Answered
    /// with a neutral JSON object, never scripted, so they cannot consume a reply meant for the agent's turn.
    /// </summary>
    GeminiUtility,
}
