namespace Zwarm.Orchestration.Watchers;

/// <summary>
/// The combined answer of all watchers before a step. <see cref="Decisive"/> is the most severe verdict (ties broken
/// by priority); every NUDGE is injected, most important first.
/// </summary>
public sealed record WatcherOutcome(IReadOnlyList<WatcherVerdict> Verdicts)
{
    public static WatcherOutcome None { get; } = new([]);

    public WatcherVerdict? Decisive => Verdicts
        .Where(v => v.Action != WatcherAction.Continue)
        .OrderByDescending(v => v.Action)
        .ThenByDescending(v => v.Priority)
        .FirstOrDefault();

    public WatcherAction Action => Decisive?.Action ?? WatcherAction.Continue;

    public IReadOnlyList<WatcherVerdict> Nudges =>
        [.. Verdicts.Where(v => v.Action == WatcherAction.Nudge && !string.IsNullOrWhiteSpace(v.Message)).OrderByDescending(v => v.Priority)];
}
