namespace Zwarm.Core.Sessions.Finalizing;

/// <summary>Where an unfinished turn stands.</summary>
public enum TurnPhase
{
    /// <summary>Launched a moment ago: no process known yet, not long enough to call it dead.</summary>
    Waiting,
    /// <summary>A process of the turn provably lives.</summary>
    Running,
    /// <summary>Over: its exit is recorded, or nothing of it lives (or it never started).</summary>
    Ended,
}
