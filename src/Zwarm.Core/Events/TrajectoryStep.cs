using System.Text.Json.Serialization;

namespace Zwarm.Core.Events;

/// <summary>
/// One step of a session's trajectory in a flat, stable shape: what `traj --json`, `show --json` and the
/// orchestrator's get_trajectory tool return. <see cref="Kind"/> names which fields are set.
/// </summary>
public sealed record TrajectoryStep
{
    [JsonPropertyName("turn")] public int Turn { get; init; }
    /// <summary>message | reasoning | command | command_started | file_change | tool_call | tool_result | usage |
    /// error | permission_denied | turn_completed | turn_failed | conversation | unknown</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("command")] public string? Command { get; init; }
    [JsonPropertyName("output")] public string? Output { get; init; }
    [JsonPropertyName("exit_code")] public int? ExitCode { get; init; }
    [JsonPropertyName("changes")] public IReadOnlyList<FileChange>? Changes { get; init; }
    [JsonPropertyName("tool")] public string? Tool { get; init; }
    [JsonPropertyName("is_error")] public bool? IsError { get; init; }
    [JsonPropertyName("usage")] public TokenUsage? Usage { get; init; }
    [JsonPropertyName("truncated")] public bool Truncated { get; init; }
}
