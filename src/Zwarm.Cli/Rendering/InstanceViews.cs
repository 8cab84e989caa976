// JSON shapes of `orchestrate --json`, `instances --json` and `status --json`.
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Rendering;

internal sealed record OrchestrateView(string Instance, string Status, string? Reason, string? Summary, int RunSteps, int TotalSteps,
    long InputTokens, long OutputTokens, decimal? CostUsd, IReadOnlyList<SessionSummary> Sessions, string InstanceDir, string EventsPath);

internal sealed record InstanceView(string Id, string Status, string Task, string Provider, string Model, int Steps, int Runs,
    int Sessions, long InputTokens, long OutputTokens, decimal? CostUsd, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? StopReason, string WorkingDir, string Kind = "orchestrator")
{
    public static InstanceView From(InstanceState s) => new(s.Id, s.LiveStatus().ToName(), s.Task, s.Provider, s.Model, s.Steps, s.Runs,
        s.Sessions.Count, s.Usage.InputTokens, s.Usage.OutputTokens, s.CostUsd, s.CreatedAt, s.UpdatedAt, s.StopReason, s.WorkingDir,
        s.Kind.ToName());
}

internal sealed record StatusView(InstanceView Instance, string? Summary, IReadOnlyList<SessionSummary> Sessions, long SessionTokens,
    decimal SessionCostUsd, string InstanceDir);
