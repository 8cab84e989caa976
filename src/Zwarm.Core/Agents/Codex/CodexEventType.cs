namespace Zwarm.Core.Agents.Codex;

/// <summary>The top-level "type" of a `codex exec --json` line.</summary>
internal enum CodexEventType
{
    /// <summary>No "type" property was seen (yet).</summary>
    Missing,
    Unknown,
    ThreadStarted,
    TurnStarted,
    TurnCompleted,
    TurnFailed,
    ItemStarted,
    ItemUpdated,
    ItemCompleted,
    PlanDelta,
    Error,
}
