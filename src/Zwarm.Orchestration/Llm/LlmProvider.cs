namespace Zwarm.Orchestration.Llm;

/// <summary>Which wire API the orchestrator's LLM speaks.</summary>
public enum LlmProvider
{
    /// <summary>OpenAI Responses API (<c>POST /v1/responses</c>); the default.</summary>
    OpenAI,

    /// <summary>OpenAI Chat Completions (<c>POST /v1/chat/completions</c>): any OpenAI-compatible server (Ollama, vLLM, LM Studio).</summary>
    OpenAIChat,

    /// <summary>Anthropic Messages API (<c>POST /v1/messages</c>).</summary>
    Anthropic,
}

internal static class LlmProviders
{
    public static IReadOnlyList<string> Names { get; } = ["openai", "openai-chat", "anthropic"];

    public static string ToName(this LlmProvider provider) => provider switch
    {
        LlmProvider.OpenAIChat => "openai-chat",
        LlmProvider.Anthropic => "anthropic",
        _ => "openai",
    };

    /// <summary>Parses a provider name; "responses", "chat" and "claude" are accepted as aliases.</summary>
    public static bool TryParse(string? text, out LlmProvider provider)
    {
        switch (text?.Trim().ToLowerInvariant().Replace('_', '-'))
        {
            case "openai" or "responses" or "openai-responses":
                provider = LlmProvider.OpenAI;
                return true;
            case "openai-chat" or "chat" or "openai-compatible":
                provider = LlmProvider.OpenAIChat;
                return true;
            case "anthropic" or "claude":
                provider = LlmProvider.Anthropic;
                return true;
            default:
                provider = LlmProvider.OpenAI;
                return false;
        }
    }

    /// <summary>The environment variable holding the provider's API key by default.</summary>
    public static string DefaultKeyVariable(this LlmProvider provider) =>
        provider == LlmProvider.Anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";

    /// <summary>The environment variable the provider's SDK reads its endpoint from.</summary>
    public static string BaseUrlVariable(this LlmProvider provider) =>
        provider == LlmProvider.Anthropic ? "ANTHROPIC_BASE_URL" : "OPENAI_BASE_URL";

    /// <summary>The model used when none is configured (null: the provider has no sensible default).</summary>
    public static string? DefaultModel(this LlmProvider provider) => provider switch
    {
        LlmProvider.OpenAI => "gpt-5.5",
        LlmProvider.Anthropic => "claude-sonnet-4-6",
        _ => null,
    };

    /// <summary>A small, cheap model of the same provider for reviews (the llm watcher).</summary>
    public static string? DefaultCheapModel(this LlmProvider provider) => provider switch
    {
        LlmProvider.OpenAI => "gpt-5.4-mini",
        LlmProvider.Anthropic => "claude-haiku-4-5",
        _ => null,
    };
}
