namespace Zwarm.Orchestration.Watchers;

/// <summary>What a watcher asks for before the next step, in increasing severity.</summary>
public enum WatcherAction
{
    /// <summary>All is well.</summary>
    Continue = 0,

    /// <summary>Inject guidance into the conversation (<c>[WATCHER: name] ...</c>) and go on.</summary>
    Nudge = 1,

    /// <summary>Stop the run for a human to look at; it can be resumed.</summary>
    Pause = 2,

    /// <summary>Stop the run now (budget spent, forbidden action); it can still be resumed deliberately.</summary>
    Abort = 3,
}

internal static class WatcherActions
{
    public static IReadOnlyList<string> Names { get; } = ["continue", "nudge", "pause", "abort"];

    public static string ToName(this WatcherAction action) => action switch
    {
        WatcherAction.Nudge => "nudge",
        WatcherAction.Pause => "pause",
        WatcherAction.Abort => "abort",
        _ => "continue",
    };

    public static bool TryParse(string? text, out WatcherAction action)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "continue":
                action = WatcherAction.Continue;
                return true;
            case "nudge":
                action = WatcherAction.Nudge;
                return true;
            case "pause":
                action = WatcherAction.Pause;
                return true;
            case "abort":
                action = WatcherAction.Abort;
                return true;
            default:
                action = WatcherAction.Continue;
                return false;
        }
    }
}
