// What every watcher sees before a step: the run so far (steps, messages), the instance's sessions and the money.
using Microsoft.Extensions.AI;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Loop;

namespace Zwarm.Orchestration.Watchers;

public sealed record WatcherContext
{
    public required string InstanceId { get; init; }

    public required string Task { get; init; }

    /// <summary>Number of the step about to run (counted over the whole instance, resumes included).</summary>
    public required int Step { get; init; }

    /// <summary>Steps already done in this run (this invocation).</summary>
    public int RunSteps { get; init; }

    /// <summary>The step limit of this run.</summary>
    public int MaxRunSteps { get; init; }

    /// <summary>Completed steps, oldest first.</summary>
    public IReadOnlyList<StepRecord> History { get; init; } = [];

    /// <summary>The conversation as the model will see it (before this step's observation).</summary>
    public IReadOnlyList<ChatMessage> Messages { get; init; } = [];

    /// <summary>Sessions started by this instance, as they stand now.</summary>
    public IReadOnlyList<SessionSummary> Sessions { get; init; } = [];

    /// <summary>The orchestrator LLM's own token use over the instance.</summary>
    public TokenUsage OrchestratorUsage { get; init; } = TokenUsage.Zero;

    /// <summary>The orchestrator LLM's cost; null when its model has no known price.</summary>
    public decimal? OrchestratorCostUsd { get; init; }

    public DateTimeOffset Now { get; init; }

    public int StepsLeft => Math.Max(0, MaxRunSteps - RunSteps);

    /// <summary>Input + output tokens of the orchestrator and its sessions.</summary>
    public long TotalTokens => OrchestratorUsage.TotalTokens + Sessions.Sum(s => s.InputTokens + s.OutputTokens);

    /// <summary>Known cost of the orchestrator and its sessions (unknown prices count as zero).</summary>
    public decimal TotalCostUsd => (OrchestratorCostUsd ?? 0m) + Sessions.Sum(s => s.CostUsd ?? 0m);

    /// <summary>The most recent completed step, if any.</summary>
    public StepRecord? LastStep => History.Count > 0 ? History[^1] : null;
}
