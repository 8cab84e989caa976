using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

/// <summary>The compact view of a session that `ls` and list_sessions show (also what `ls --json` prints).</summary>
public sealed record SessionSummary
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("status")] public SessionStatus Status { get; init; }
    [JsonPropertyName("adapter")] public string Adapter { get; init; } = "";
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("turns")] public int Turns { get; init; }
    [JsonPropertyName("task")] public string Task { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "user";
    [JsonPropertyName("working_dir")] public string WorkingDir { get; init; } = "";
    [JsonPropertyName("created_at")] public string CreatedAt { get; init; } = "";
    [JsonPropertyName("updated_at")] public string UpdatedAt { get; init; } = "";
    [JsonPropertyName("input_tokens")] public long InputTokens { get; init; }
    [JsonPropertyName("cached_input_tokens")] public long CachedInputTokens { get; init; }
    [JsonPropertyName("output_tokens")] public long OutputTokens { get; init; }
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    [JsonPropertyName("exit_code")] public int? ExitCode { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("pid")] public int? Pid { get; init; }
    /// <summary>An isolated session's branch, and its lines added/removed against its base at the latest checkpoint.</summary>
    [JsonPropertyName("branch")] public string? Branch { get; init; }
    [JsonPropertyName("lines_added")] public int? LinesAdded { get; init; }
    [JsonPropertyName("lines_removed")] public int? LinesRemoved { get; init; }
    [JsonPropertyName("files_changed")] public int? FilesChanged { get; init; }
    /// <summary>The best-of-N group the session is an attempt of (spawn --attempts).</summary>
    [JsonPropertyName("group")] public string? Group { get; init; }
    /// <summary>A stopped session's latest reply, on one line, cut after <see cref="SessionSummaries.ReplyPreviewLength"/> characters (and an ellipsis).</summary>
    [JsonPropertyName("last_reply")] public string? LastReply { get; init; }
}
