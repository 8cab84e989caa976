namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.pattern]</summary>
public sealed record PatternWatcherSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 70;
    public IReadOnlyList<PatternRule> Rules { get; init; } = [];
}
