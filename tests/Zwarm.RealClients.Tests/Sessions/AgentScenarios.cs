// Issue 3's end-to-end scenarios, run once per real agent CLI (CodexScenarios, ClaudeScenarios, GeminiScenarios): every step goes
// through the `zwarm` executable as a user types it, and every assertion reads what zwarm prints or stores.
// The scenarios live in AgentScenarios.*.cs, one concern per file.
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

[Trait("Category", "RealClient")]
public abstract partial class AgentScenarios(Agent agent)
{
    protected Agent Agent { get; } = agent;

    /// <summary>The whole test, all its zwarm commands and CLI runs included.</summary>
    protected CancellationToken Timeout { get; } = TestTimeout.After(240);

    private Task<ZwarmWorld> StartWorldAsync(ModelScript script) => ZwarmWorld.StartAsync(script, [Agent], Timeout);

    /// <summary>The steps of `zwarm traj ID --json` of one kind.</summary>
    private static List<JsonElement> StepsOf(JsonElement trajectory, string kind) =>
        [.. trajectory.EnumerateArray().Where(s => s.GetProperty("kind").GetString() == kind)];

    private static decimal CostOf(JsonElement json) =>
        json.GetProperty("cost_usd").ValueKind == JsonValueKind.Number ? json.GetProperty("cost_usd").GetDecimal()
            : throw new Xunit.Sdk.XunitException($"no cost recorded in {json}");

    /// <summary>Costs computed by the CLI itself (Claude Code's total_cost_usd) are binary floats: equal to ~1e-9 USD.</summary>
    private static void AssertCost(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) < 0.000000001m, $"cost: expected {expected}, got {actual}");
}
