using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Loop;

/// <summary>How a run ended: status (completed, paused, aborted, step_limit, interrupted, failed), why, and its cost.</summary>
public sealed record OrchestratorResult(
    string InstanceId,
    InstanceStatus Status,
    string? Reason,
    string? Summary,
    int RunSteps,
    int TotalSteps,
    TokenUsage Usage,
    decimal? CostUsd,
    IReadOnlyList<SessionSummary> Sessions,
    string InstanceDirectory);
