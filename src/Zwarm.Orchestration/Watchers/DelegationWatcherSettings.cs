namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.delegation]</summary>
public sealed record DelegationWatcherSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 80;

    /// <summary>What a bash command that changes files asks for.</summary>
    public WatcherAction Action { get; init; } = WatcherAction.Nudge;

    /// <summary>After this many such commands in a run, ABORT instead (0: never).</summary>
    public int AbortAfter { get; init; }
}
