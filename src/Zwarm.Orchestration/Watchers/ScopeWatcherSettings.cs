namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.scope]: keywords the run must stay away from.</summary>
public sealed record ScopeWatcherSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 60;

    /// <summary>Case-insensitive words or phrases; empty turns the watcher into a no-op.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>What a hit asks for.</summary>
    public WatcherAction Action { get; init; } = WatcherAction.Nudge;
}
