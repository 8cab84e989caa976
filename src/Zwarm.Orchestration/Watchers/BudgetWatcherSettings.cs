namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.budget]: limits over the whole instance (resumes included); 0 turns a limit off.</summary>
public sealed record BudgetWatcherSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 100;

    /// <summary>Orchestrator steps over the instance.</summary>
    public int MaxSteps { get; init; }

    /// <summary>Input + output tokens of the orchestrator and its sessions.</summary>
    public long MaxTokens { get; init; }

    /// <summary>USD of the orchestrator and its sessions (where prices are known).</summary>
    public double MaxCostUsd { get; init; } = 25.0;

    /// <summary>Sessions delegated by the instance.</summary>
    public int MaxSessions { get; init; } = 20;

    /// <summary>Fraction of a limit (and of the run's step limit) at which a warning NUDGE is given once.</summary>
    public double WarnAt { get; init; } = 0.8;
}
