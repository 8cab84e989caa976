namespace Zwarm.Core.Events;

/// <summary>
/// Token counts. <see cref="InputTokens"/> includes cached input (as both CLIs report it for OpenAI; for Anthropic
/// the adapter adds cache reads/writes in so the meaning is the same everywhere).
/// </summary>
public sealed record TokenUsage(
    long InputTokens = 0,
    long CachedInputTokens = 0,
    long CacheWriteInputTokens = 0,
    long OutputTokens = 0,
    long ReasoningOutputTokens = 0)
{
    public static readonly TokenUsage Zero = new();

    public long TotalTokens => InputTokens + OutputTokens;

    public bool IsZero => InputTokens == 0 && CachedInputTokens == 0 && CacheWriteInputTokens == 0
        && OutputTokens == 0 && ReasoningOutputTokens == 0;

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) => new(
        a.InputTokens + b.InputTokens,
        a.CachedInputTokens + b.CachedInputTokens,
        a.CacheWriteInputTokens + b.CacheWriteInputTokens,
        a.OutputTokens + b.OutputTokens,
        a.ReasoningOutputTokens + b.ReasoningOutputTokens);

    /// <summary>Per-turn delta from two cumulative readings; never negative (a reset thread counts from zero).</summary>
    public static TokenUsage operator -(TokenUsage a, TokenUsage b) => new(
        Math.Max(0, a.InputTokens - b.InputTokens),
        Math.Max(0, a.CachedInputTokens - b.CachedInputTokens),
        Math.Max(0, a.CacheWriteInputTokens - b.CacheWriteInputTokens),
        Math.Max(0, a.OutputTokens - b.OutputTokens),
        Math.Max(0, a.ReasoningOutputTokens - b.ReasoningOutputTokens));
}
