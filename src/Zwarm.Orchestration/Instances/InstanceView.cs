// One row of `zwarm instances --json` (and of the dashboard's /api/runs): an instance as its list shows it.
namespace Zwarm.Orchestration.Instances;

public sealed record InstanceView(string Id, string Status, string Task, string Provider, string Model, int Steps, int Runs,
    int Sessions, long InputTokens, long OutputTokens, decimal? CostUsd, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? StopReason, string WorkingDir, string Kind = "orchestrator")
{
    public static InstanceView From(InstanceState s) => new(s.Id, s.LiveStatus().ToName(), s.Task, s.Provider, s.Model, s.Steps, s.Runs,
        s.Sessions.Count, s.Usage.InputTokens, s.Usage.OutputTokens, s.CostUsd, s.CreatedAt, s.UpdatedAt, s.StopReason, s.WorkingDir,
        s.Kind.ToName());
}
