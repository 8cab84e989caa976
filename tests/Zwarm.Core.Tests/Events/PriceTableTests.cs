using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Events;

public sealed class PriceTableTests
{
    [Fact]
    public void Cost_ReproducesClaudesOwnFigureForTheHelloSample()
    {
        // claude_hello.jsonl: 101 input + 20 output tokens on claude-sonnet-4-5, total_cost_usd 0.000603.
        var cost = PriceTable.Default.Cost("claude-sonnet-4-5", new TokenUsage(InputTokens: 101, OutputTokens: 20));

        Assert.Equal(0.000603m, cost);
    }

    [Fact]
    public void Cost_PricesCacheReadsAndWritesOnceEachAtTheirOwnRate()
    {
        // claude_write.jsonl: 601 uncached + 300 cache reads + 50 cache writes, 27 output; Claude says 0.0024855.
        var usage = new TokenUsage(InputTokens: 951, CachedInputTokens: 300, CacheWriteInputTokens: 50, OutputTokens: 27);

        Assert.Equal(0.0024855m, PriceTable.Default.Cost("claude-sonnet-4-5-20250929", usage));
    }

    [Fact]
    public void Cost_OfAnOpenAiModel_DiscountsCachedInputAndIgnoresReasoningAsExtra()
    {
        // codex_hello.jsonl usage on gpt-5.1-codex-mini: 91 uncached * 0.25 + 10 cached * 0.025 + 20 out * 2.
        var usage = new TokenUsage(101, 10, 0, 20, 5);

        Assert.Equal(0.00006300m, PriceTable.Default.Cost("codex-mini", usage));
    }

    [Fact]
    public void Cost_OfAnUnknownModel_IsNull()
    {
        Assert.Null(PriceTable.Default.Cost("llama-9000", new TokenUsage(InputTokens: 5)));
        Assert.Null(PriceTable.Default.Cost(null, new TokenUsage(InputTokens: 5)));
        Assert.Null(PriceTable.Default.Cost("", new TokenUsage(InputTokens: 5)));
    }

    [Theory]
    [InlineData("claude-sonnet-4-5", "claude-sonnet-4-5")]
    [InlineData("Claude-Sonnet-4-5", "claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5[1m]", "claude-sonnet-4-5")]
    [InlineData("anthropic/claude-opus-4-1", "claude-opus-4-1")]
    [InlineData("claude-sonnet-4-20250514", "claude-sonnet-4-0")]
    [InlineData("claude-opus-4-1-20250805", "claude-opus-4-1")]
    [InlineData("claude-haiku-4-5-20251001", "claude-haiku-4-5")]
    [InlineData("claude-3-7-sonnet-latest", "claude-3-7-sonnet")]
    [InlineData("sonnet", "claude-sonnet-5-5")]
    [InlineData("opus", "claude-opus-5-5")]
    [InlineData("haiku", "claude-haiku-5-5")]
    [InlineData("codex-mini", "gpt-5.1-codex-mini")]
    [InlineData("codex-mini-latest", "codex-mini-latest")]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("openai/gpt-5", "gpt-5")]
    [InlineData("gpt-5-mini", "gpt-5-mini")]
    [InlineData("gpt-5.1-codex-max-xhigh", "gpt-5.1-codex-max")]
    [InlineData("gpt-5.5", "gpt-5.5")]
    [InlineData("o4-mini", "o4-mini")]
    public void Resolve_ToleratesCaseAliasesPrefixesAndSuffixes(string model, string expected)
    {
        Assert.Equal(expected, PriceTable.Default.Resolve(model));
    }

    [Theory]
    [InlineData("gpt")]
    [InlineData("claude")]
    [InlineData("gpt-50")]
    [InlineData("claude-sonnet")]
    public void Resolve_DoesNotGuessFromAPartialWord(string model)
    {
        Assert.Null(PriceTable.Default.Resolve(model));
    }

    [Fact]
    public void WithOverrides_ReplacesAndAddsPricesAndAliases()
    {
        var table = PriceTable.Default.WithOverrides(
            new Dictionary<string, ModelPrice>
            {
                ["gpt-5.5"] = new(1m, 0.1m, 1m, 2m),
                ["my-local-model"] = ModelPrice.Uncached(0m, 0m),
            },
            new Dictionary<string, string> { ["sonnet"] = "claude-sonnet-4-5", ["local"] = "my-local-model" });

        Assert.Equal(new ModelPrice(1m, 0.1m, 1m, 2m), table.Find("gpt-5.5"));
        Assert.Equal("claude-sonnet-4-5", table.Resolve("sonnet"));
        Assert.Equal(0m, table.Cost("local", new TokenUsage(InputTokens: 1000, OutputTokens: 1000)));
        // The default table is untouched.
        Assert.Equal("claude-sonnet-5-5", PriceTable.Default.Resolve("sonnet"));
        Assert.Equal(new ModelPrice(5m, 0.5m, 5m, 30m), PriceTable.Default.Find("gpt-5.5"));
    }

    [Fact]
    public void Aliases_ThatLoop_ResolveToNothing()
    {
        var table = new PriceTable([], [new("a", "b"), new("b", "a")]);

        Assert.Null(table.Resolve("a"));
    }

    [Fact]
    public void ModelPriceCost_NeverChargesNegativeUncachedInput()
    {
        var price = new ModelPrice(Input: 10m, CachedInput: 1m, CacheWrite: 20m, Output: 0m);

        // Inconsistent report: more cached than total input. Only the cached tokens are charged.
        Assert.Equal(0.000005m, price.Cost(new TokenUsage(InputTokens: 2, CachedInputTokens: 5)));
    }
}
