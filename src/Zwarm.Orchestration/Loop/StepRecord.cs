using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

/// <summary>
/// A completed step of a run: what the model said and which tools it called. <see cref="SessionsFingerprint"/> sums
/// up the sessions' states when the step began, so "nothing changed for N steps" can be told.
/// </summary>
public sealed record StepRecord(int Step, string? Text, IReadOnlyList<ToolCallRecord> ToolCalls, string SessionsFingerprint = "")
{
    /// <summary>A delegate or converse call succeeded in this step.</summary>
    public bool Delegated => ToolCalls.Any(c => ToolNames.IsDelegating(c.Name) && !c.IsError);

    /// <summary>Every call of the step only looked at sessions or waited (and there was at least one).</summary>
    public bool PollingOnly => ToolCalls.Count > 0 && ToolCalls.All(c => ToolNames.IsPolling(c.Name));
}
