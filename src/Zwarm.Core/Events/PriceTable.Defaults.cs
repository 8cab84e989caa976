// Built-in list prices, USD per million tokens (input, cached input, cache write, output). Config can override any of
// them and add aliases (PriceTable.WithOverrides).
//
// Anthropic: copied from the model catalog bundled in Claude Code 2.1.330 (the version zwarm pins), which is what that
// CLI itself uses for total_cost_usd; cache write is the 5-minute rate. Not modelled: long-prompt surcharges
// (claude-haiku-5-5 above 100k prompt tokens), 1-hour cache writes, the 1.1x US-inference multiplier. The short aliases
// follow that catalog's first-party defaults (sonnet -> claude-sonnet-5-5, opus -> claude-opus-5-5, ...).
// Check: claude_hello.jsonl, claude-sonnet-4-5, 101 in + 20 out -> 101*3 + 20*15 = 603e-6 = its total_cost_usd.
//
// OpenAI: OpenAI's published standard (short-context) API prices; OpenAI does not charge for cache writes, so they cost
// plain input. GPT-5.4/5.5 and 5.3-codex as published in 2026 (5.5: $5 / $0.50 cached / $30, also equal to the Codex
// rate card's 125/12.5/750 credits at 25 credits per dollar). Not modelled: long-context (>272k) surcharges, Batch/Flex
// discounts, priority tier.
//
// Google: the Gemini API's published paid-tier prices for text, prompts up to 200k tokens (2.5 Pro $1.25 / $10, 2.5
// Flash $0.30 / $2.50, 2.5 Flash-Lite $0.10 / $0.40, 3 Pro preview $2 / $12, 3 Flash preview $0.50 / $3), cached input
// at the implicit-caching rate (a tenth of input). Implicit caching bills no writes, so a cache write costs plain input;
// explicit-cache storage per hour, >200k-prompt surcharges and audio input rates are not modelled. Gemini CLI 0.61's
// newer ids (gemini-3.1-pro-preview, gemini-3.5-flash-lite) have no published price here and stay unpriced.
namespace Zwarm.Core.Events;

public sealed partial class PriceTable
{
    private static ModelPrice P(decimal input, decimal cached, decimal cacheWrite, decimal output) =>
        new(input, cached, cacheWrite, output);

    // OpenAI: cache writes are not billed separately.
    private static ModelPrice OpenAi(decimal input, decimal cached, decimal output) => new(input, cached, input, output);

    // Methods, not static fields: static initializers in different partial files run in no guaranteed order.
    private static Dictionary<string, ModelPrice> DefaultPrices()
    {
        var sonnet3To15 = P(3m, 0.30m, 3.75m, 15m);
        var opus15To75 = P(15m, 1.50m, 18.75m, 75m);
        var opus5To25 = P(5m, 0.50m, 6.25m, 25m);
        return new()
        {
            // ---- OpenAI ----
            ["gpt-5.5"] = OpenAi(5m, 0.50m, 30m),
            ["gpt-5.5-pro"] = ModelPrice.Uncached(30m, 180m),
            ["gpt-5.4"] = OpenAi(2.50m, 0.25m, 15m),
            ["gpt-5.4-mini"] = OpenAi(0.75m, 0.075m, 4.50m),
            ["gpt-5.4-nano"] = OpenAi(0.20m, 0.02m, 1.25m),
            ["gpt-5.4-pro"] = ModelPrice.Uncached(30m, 180m),
            ["gpt-5.3-codex"] = OpenAi(1.75m, 0.175m, 14m),
            ["gpt-5.2"] = OpenAi(1.75m, 0.175m, 14m),
            ["gpt-5.2-codex"] = OpenAi(1.75m, 0.175m, 14m),
            ["gpt-5.2-pro"] = ModelPrice.Uncached(21m, 168m),
            ["gpt-5.1"] = OpenAi(1.25m, 0.125m, 10m),
            ["gpt-5.1-codex"] = OpenAi(1.25m, 0.125m, 10m),
            ["gpt-5.1-codex-max"] = OpenAi(1.25m, 0.125m, 10m),
            ["gpt-5.1-codex-mini"] = OpenAi(0.25m, 0.025m, 2m),
            ["gpt-5"] = OpenAi(1.25m, 0.125m, 10m),
            ["gpt-5-codex"] = OpenAi(1.25m, 0.125m, 10m),
            ["gpt-5-mini"] = OpenAi(0.25m, 0.025m, 2m),
            ["gpt-5-nano"] = OpenAi(0.05m, 0.005m, 0.40m),
            ["gpt-5-pro"] = ModelPrice.Uncached(15m, 120m),
            ["codex-mini-latest"] = OpenAi(1.50m, 0.375m, 6m),
            ["o3"] = OpenAi(2m, 0.50m, 8m),
            ["o3-pro"] = ModelPrice.Uncached(20m, 80m),
            ["o4-mini"] = OpenAi(1.10m, 0.275m, 4.40m),
            ["gpt-4.1"] = OpenAi(2m, 0.50m, 8m),
            ["gpt-4.1-mini"] = OpenAi(0.40m, 0.10m, 1.60m),
            ["gpt-4.1-nano"] = OpenAi(0.10m, 0.025m, 0.40m),
            ["gpt-4o"] = OpenAi(2.50m, 1.25m, 10m),
            ["gpt-4o-mini"] = OpenAi(0.15m, 0.075m, 0.60m),

            // ---- Anthropic (Claude Code 2.1.330 catalog) ----
            ["claude-3-5-haiku"] = P(0.80m, 0.08m, 1m, 4m),
            ["claude-haiku-4-5"] = P(1m, 0.10m, 1.25m, 5m),
            ["claude-haiku-5-5"] = P(0.10m, 0.01m, 0.125m, 0.50m),
            ["claude-3-5-sonnet"] = sonnet3To15,
            ["claude-3-7-sonnet"] = sonnet3To15,
            ["claude-sonnet-4-0"] = sonnet3To15,
            ["claude-sonnet-4-5"] = sonnet3To15,
            ["claude-sonnet-4-6"] = sonnet3To15,
            ["claude-sonnet-5"] = P(2m, 0.20m, 2.50m, 10m),
            ["claude-sonnet-5-5"] = P(2m, 0.10m, 2.50m, 10m),
            ["claude-opus-4-0"] = opus15To75,
            ["claude-opus-4-1"] = opus15To75,
            ["claude-opus-4-5"] = opus5To25,
            ["claude-opus-4-6"] = opus5To25,
            ["claude-opus-4-7"] = opus5To25,
            ["claude-opus-4-8"] = opus5To25,
            ["claude-opus-5"] = opus5To25,
            ["claude-opus-5-5"] = P(4m, 0.20m, 5m, 20m),
            ["claude-fable-5"] = P(10m, 1m, 12.50m, 50m),
            ["claude-fable-5-1"] = P(10m, 0.25m, 12.50m, 50m),
            ["claude-fable-5-2"] = P(8m, 0.20m, 10m, 40m),
            ["claude-mythos-5"] = P(10m, 1m, 12.50m, 50m),
            ["claude-mythos-5-1"] = P(10m, 0.25m, 12.50m, 50m),
            ["claude-mythos-5-2"] = P(8m, 0.20m, 10m, 40m),

            // ---- Google Gemini (cache write = input: implicit caching bills no writes) ----
            ["gemini-2.5-pro"] = P(1.25m, 0.125m, 1.25m, 10m),
            ["gemini-2.5-flash"] = P(0.30m, 0.03m, 0.30m, 2.50m),
            ["gemini-2.5-flash-lite"] = P(0.10m, 0.01m, 0.10m, 0.40m),
            ["gemini-2.0-flash"] = P(0.10m, 0.025m, 0.10m, 0.40m),
            ["gemini-2.0-flash-lite"] = P(0.075m, 0.01875m, 0.075m, 0.30m),
            ["gemini-3-pro-preview"] = P(2m, 0.20m, 2m, 12m),
            ["gemini-3-flash-preview"] = P(0.50m, 0.05m, 0.50m, 3m),
            // ---- Qwen (Alibaba Cloud Model Studio, international list prices): the lowest tier, requests of up to
            // 32k input tokens; longer prompts cost more per token (not modelled). Implicit cache hits are billed at
            // 20% of input, explicit cache writes at 125%. Qwen Code's free OAuth models are not priced. ----
            ["qwen3-coder-plus"] = P(1m, 0.20m, 1.25m, 5m),
            ["qwen3-coder-flash"] = P(0.30m, 0.06m, 0.375m, 1.50m),
        };
    }

    private static Dictionary<string, string> DefaultAliases() => new()
    {
        ["codex-mini"] = "gpt-5.1-codex-mini",
        // Claude's first-party ids for the 4.0 models drop the ".0" ("claude-sonnet-4-20250514").
        ["claude-sonnet-4"] = "claude-sonnet-4-0",
        ["claude-opus-4"] = "claude-opus-4-0",
        // Claude Code 2.1.330's --model aliases (first-party provider).
        ["sonnet"] = "claude-sonnet-5-5",
        ["opus"] = "claude-opus-5-5",
        ["haiku"] = "claude-haiku-5-5",
        ["fable"] = "claude-fable-5-2",
        // Gemini's "-latest" ids and Gemini CLI's short names.
        ["gemini-pro-latest"] = "gemini-2.5-pro",
        ["gemini-flash-latest"] = "gemini-2.5-flash",
        ["gemini-flash-lite-latest"] = "gemini-2.5-flash-lite",
        ["gemini-3-pro"] = "gemini-3-pro-preview",
        ["gemini-3-flash"] = "gemini-3-flash-preview",
    };
}
