using Zwarm.Core.Events;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Pilot;

/// <summary>How a pilot turn ended.</summary>
public enum PilotTurnEnd
{
    /// <summary>The model answered in text: the person's turn again.</summary>
    Answered,
    /// <summary>The per-turn step limit was reached while the model still called tools.</summary>
    StepLimit,
    /// <summary>Ctrl-C: the turn was cut short (what it did so far is kept, every call has a result).</summary>
    Interrupted,
    /// <summary>The model endpoint failed (see <see cref="PilotTurnResult.Error"/>).</summary>
    Failed,
}

/// <summary>
/// The outcome of one turn. <see cref="Checkpoint"/> is null when the turn left nothing behind (interrupted or failed
/// before the model answered): the message was not kept and can be sent again.
/// </summary>
public sealed record PilotTurnResult(PilotTurnEnd End, Checkpoint? Checkpoint, int Steps, TokenUsage Usage, string? Error)
{
    /// <summary>Checkpoints beyond the head (after a `:goto`) that this turn discarded.</summary>
    public int DroppedCheckpoints { get; init; }

    /// <summary>Checkpoints that compaction before this turn made unreachable.</summary>
    public int CompactedCheckpoints { get; init; }

    public static string Name(PilotTurnEnd end) => end switch
    {
        PilotTurnEnd.Answered => "answered",
        PilotTurnEnd.StepLimit => "step_limit",
        PilotTurnEnd.Interrupted => "interrupted",
        _ => "failed",
    };
}
