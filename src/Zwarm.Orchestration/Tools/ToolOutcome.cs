namespace Zwarm.Orchestration.Tools;

/// <summary>
/// The result of one tool call: <see cref="ResultJson"/> goes back to the model; <see cref="Summary"/> is a short
/// line for people (progress output, events); <see cref="ExitSummary"/> is set when the model called exit.
/// </summary>
public sealed record ToolOutcome(string ResultJson, bool IsError, string Summary)
{
    public string? ExitSummary { get; init; }

    public bool ExitRequested => ExitSummary is not null;

    /// <summary>Sessions the call started, continued, ended or waited for.</summary>
    public IReadOnlyList<string> SessionIds { get; init; } = [];
}
