namespace Zwarm.Orchestration.Compaction;

/// <summary>When and how the conversation is shortened ([orchestrator] compaction keys).</summary>
public sealed record CompactionSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>The model's context window in tokens.</summary>
    public int ContextWindow { get; init; } = 200_000;

    /// <summary>Compact when the estimated context passes this fraction of the window.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>After compacting, aim for this fraction of the threshold (so it does not happen every step).</summary>
    public double Target { get; init; } = 0.5;

    /// <summary>The latest messages always kept.</summary>
    public int KeepLast { get; init; } = 20;

    public int TriggerTokens => (int)(ContextWindow * Threshold);

    public int TargetTokens => (int)(TriggerTokens * Target);
}
