namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>Token counts; <c>input_tokens</c> excludes the cached ones, which are reported separately.</summary>
internal sealed record WireUsage
{
    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    public int? CacheReadInputTokens { get; init; }

    public int? CacheCreationInputTokens { get; init; }
}
