using System.Text.Json;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Support;

/// <summary>Token totals in zwarm's terms (input includes cached input).</summary>
public sealed record UsageTotals(long Input, long Cached, long Output)
{
    /// <summary>What zwarm should record for model calls that reported <paramref name="usages"/>.</summary>
    public static UsageTotals Expected(Agent agent, params ReplyUsage[] usages) => new(
        usages.Sum(agent.InputTokensOf), usages.Sum(u => (long)u.CachedInputTokens), usages.Sum(u => (long)u.OutputTokens));

    /// <summary>Reads <c>input_tokens</c>, <c>cached_input_tokens</c>, <c>output_tokens</c> from a JSON object.</summary>
    public static UsageTotals Read(JsonElement json) => new(
        json.GetProperty("input_tokens").GetInt64(),
        json.GetProperty("cached_input_tokens").GetInt64(),
        json.GetProperty("output_tokens").GetInt64());

    public static UsageTotals operator +(UsageTotals a, UsageTotals b) => new(a.Input + b.Input, a.Cached + b.Cached, a.Output + b.Output);

    public decimal CostFor(Agent agent) => agent.CostOf(Input, Cached, Output);
}
