namespace Zwarm.Orchestration.Watchers;

/// <summary>One watcher's answer before a step. <see cref="Message"/> is the guidance (NUDGE) or the reason (PAUSE, ABORT).</summary>
public sealed record WatcherVerdict(string Watcher, WatcherAction Action, string? Message = null, int Priority = 0)
{
    public static WatcherVerdict Continue(string watcher, int priority = 0) => new(watcher, WatcherAction.Continue, null, priority);
}
