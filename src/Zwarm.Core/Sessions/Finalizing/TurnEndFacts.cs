namespace Zwarm.Core.Sessions.Finalizing;

/// <summary>Everything the verdict on an ended turn depends on, gathered from disk by the session service.</summary>
internal sealed record TurnEndFacts
{
    /// <summary>A user asked to kill the turn (kill_requested_at).</summary>
    public bool KillRequested { get; init; }

    public ExitRecordRead Exit { get; init; } = ExitRecordRead.Missing;

    /// <summary>A process of the turn was known (a pid in meta.json or the supervisor's pid file).</summary>
    public bool Started { get; init; }

    /// <summary>The agent's stream reports the turn completed (Codex turn.completed, Claude result).</summary>
    public bool StreamCompleted { get; init; }

    /// <summary>The agent's stream reports a failed turn.</summary>
    public bool StreamFailed { get; init; }

    public string? FailureMessage { get; init; }

    public string? LastError { get; init; }

    /// <summary>The last line the agent wrote to stderr (used to explain a non-zero exit).</summary>
    public string? StderrTail { get; init; }
}
