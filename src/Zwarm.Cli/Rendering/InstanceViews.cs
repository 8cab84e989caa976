// JSON shapes of `orchestrate --json`, `instances --json` and `status --json`.
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Rendering;

internal sealed record OrchestrateView(string Instance, string Status, string? Reason, string? Summary, int RunSteps, int TotalSteps,
    long InputTokens, long OutputTokens, decimal? CostUsd, IReadOnlyList<SessionSummary> Sessions, string InstanceDir, string EventsPath);

internal sealed record StatusView(InstanceView Instance, string? Summary, IReadOnlyList<SessionSummary> Sessions, long SessionTokens,
    decimal SessionCostUsd, string InstanceDir);
