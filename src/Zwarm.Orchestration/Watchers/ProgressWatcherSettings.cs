namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.progress]</summary>
public sealed record ProgressWatcherSettings
{
    public bool Enabled { get; init; } = true;
    public int Priority { get; init; } = 50;

    /// <summary>The same call with the same result this many times in a row is a NUDGE.</summary>
    public int MaxRepeats { get; init; } = 3;

    /// <summary>... and this many times an ABORT (0: never).</summary>
    public int AbortRepeats { get; init; }

    /// <summary>Steps in which no session changed and nothing was started or ended before a NUDGE (0: off).</summary>
    public int StallSteps { get; init; } = 12;
}
