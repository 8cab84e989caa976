using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

/// <summary>A tool call of a step, with what it returned and how long it took.</summary>
public sealed record ExecutedToolCall(string CallId, string Name, string ArgumentsJson, ToolOutcome Outcome, TimeSpan Duration)
{
    public ToolCallRecord ToRecord() => new(Name, ArgumentsJson, Outcome.ResultJson, Outcome.IsError);
}
