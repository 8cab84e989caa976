namespace Zwarm.Core.Events;

/// <summary>
/// A model's list price in USD per million tokens: uncached input, cached input (cache reads), cache writes, output.
/// Reasoning/thinking tokens are part of output tokens and priced as output.
/// </summary>
public sealed record ModelPrice(decimal Input, decimal CachedInput, decimal CacheWrite, decimal Output)
{
    /// <summary>A price where cache reads and writes cost the same as plain input.</summary>
    public static ModelPrice Uncached(decimal input, decimal output) => new(input, input, input, output);

    /// <summary>
    /// USD for <paramref name="usage"/>. InputTokens includes cached and cache-write tokens, so only the rest is
    /// charged at the input rate; each part is counted once.
    /// </summary>
    public decimal Cost(TokenUsage usage)
    {
        var cached = Math.Max(0, usage.CachedInputTokens);
        var written = Math.Max(0, usage.CacheWriteInputTokens);
        var uncached = Math.Max(0, usage.InputTokens - cached - written);
        var output = Math.Max(0, usage.OutputTokens);
        return (uncached * Input + cached * CachedInput + written * CacheWrite + output * Output) / 1_000_000m;
    }
}
