namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.delegation_reminder]</summary>
public sealed record DelegationReminderSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 40;

    /// <summary>Steps of its own work (polling excluded) without delegating before a reminder.</summary>
    public int Steps { get; init; } = 8;
}
