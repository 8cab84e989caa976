// meta.json: the ground truth of one session. The first block of fields is exactly the Python zwarm's schema (same
// names, same value formats: naive local ISO timestamps, lowercase status), so either tool reads the other's store.
// Everything after it is zwarm's extras, which the Python version ignores; fields we do not know are kept verbatim.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

// Properties with a default are `set` rather than `init`: System.Text.Json assigns every init-only property when it
// constructs the record, which would turn a field missing from a foreign meta.json into null instead of its default.
public sealed record SessionMeta
{
    // ---- Python zwarm 1.3.10 compatible fields ----
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("status")] public SessionStatus Status { get; init; }
    [JsonPropertyName("working_dir")] public required string WorkingDir { get; init; }
    [JsonPropertyName("created_at")] public required string CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public required string UpdatedAt { get; init; }
    /// <summary>PID of the current turn's supervisor (the leader of its process group).</summary>
    [JsonPropertyName("pid")] public int? Pid { get; init; }
    [JsonPropertyName("exit_code")] public int? ExitCode { get; init; }
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    /// <summary>Number of the latest turn (1-based).</summary>
    [JsonPropertyName("turn")] public int Turn { get; set; } = 1;
    [JsonPropertyName("messages")] public IReadOnlyList<SessionMessage> Messages { get; set; } = [];
    /// <summary>Cumulative token counts over all turns.</summary>
    [JsonPropertyName("token_usage")] public IReadOnlyDictionary<string, long> TokenUsage { get; set; } = new Dictionary<string, long>();
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("source")] public string Source { get; set; } = "user";
    [JsonPropertyName("adapter")] public string Adapter { get; set; } = "codex";

    // ---- zwarm extras ----
    [JsonPropertyName("sandbox")] public string? Sandbox { get; init; }
    /// <summary>The CLI's own conversation id used for native resume (Codex thread_id, Claude session_id).</summary>
    [JsonPropertyName("resume_id")] public string? ResumeId { get; init; }
    /// <summary>Cumulative cost in USD over all turns, when known.</summary>
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    [JsonPropertyName("turns")] public IReadOnlyList<TurnInfo> Turns { get; set; } = [];
    [JsonPropertyName("zwarm_schema")] public int? Schema { get; init; }
    /// <summary>
    /// <see cref="UpdatedAt"/> as UTC, so a time-zone change never ages a session (see <see cref="Timestamps.Instant"/>).
    /// Filled in by <see cref="SessionStore.Write"/>.
    /// </summary>
    [JsonPropertyName("updated_at_utc")] public string? UpdatedAtUtc { get; init; }
    /// <summary>The git worktree of an isolated session (spawn --worktree); null for a session in its own directory.</summary>
    [JsonPropertyName("workspace")] public Workspaces.SessionWorkspace? Workspace { get; init; }
    /// <summary>The best-of-N group this session is an attempt of (spawn --attempts); null for a lone session.</summary>
    [JsonPropertyName("group")] public string? Group { get; init; }

    /// <summary>Fields written by another tool or a newer zwarm; preserved when we rewrite the file.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public const int CurrentSchema = 1;

    /// <summary>The record of the latest turn, if zwarm wrote one.</summary>
    [JsonIgnore] public TurnInfo? CurrentTurn => Turns.Count > 0 ? Turns[^1] : null;
}

/// <summary>A message in the session's history (Python-compatible shape).</summary>
public sealed record SessionMessage
{
    [JsonPropertyName("role")] public string Role { get; set; } = "unknown";
    [JsonPropertyName("content")] public string Content { get; set; } = "";
    [JsonPropertyName("timestamp")] public string Timestamp { get; set; } = "";
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement> Metadata { get; set; } = [];
}

/// <summary>zwarm's record of one turn: the process that ran it and how it ended.</summary>
public sealed record TurnInfo
{
    [JsonPropertyName("turn")] public int Turn { get; init; }
    [JsonPropertyName("prompt")] public string Prompt { get; set; } = "";
    [JsonPropertyName("status")] public SessionStatus Status { get; init; }
    [JsonPropertyName("started_at")] public string? StartedAt { get; init; }
    [JsonPropertyName("ended_at")] public string? EndedAt { get; init; }
    [JsonPropertyName("exit_code")] public int? ExitCode { get; init; }
    /// <summary>Signal name when the exit code says the agent died of one (e.g. "SIGKILL").</summary>
    [JsonPropertyName("signal")] public string? Signal { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    /// <summary>Supervisor pid (= process group id of the turn).</summary>
    [JsonPropertyName("pid")] public int? Pid { get; init; }
    /// <summary>Start time of <see cref="Pid"/> in clock ticks since boot (from /proc), so a recycled pid is never taken for ours.</summary>
    [JsonPropertyName("pid_start")] public long? PidStart { get; init; }
    [JsonPropertyName("boot_id")] public string? BootId { get; init; }
    /// <summary>Random marker in the turn's environment (ZWARM_TURN), recorded before launch: proves which processes are the turn's.</summary>
    [JsonPropertyName("launch_token")] public string? LaunchToken { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    /// <summary>This turn's own token use (a delta, even where the CLI reports cumulative numbers).</summary>
    [JsonPropertyName("usage")] public TurnUsage? Usage { get; init; }
    /// <summary>The usage exactly as the CLI reported it (cumulative for Codex), to compute the next turn's delta.</summary>
    [JsonPropertyName("reported_usage")] public TurnUsage? ReportedUsage { get; init; }
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    /// <summary>The agent's own cumulative cost figure (Claude's total_cost_usd), if it gave one.</summary>
    [JsonPropertyName("reported_cost_usd")] public decimal? ReportedCostUsd { get; init; }
    [JsonPropertyName("kill_requested_at")] public string? KillRequestedAt { get; init; }
    [JsonPropertyName("malformed_lines")] public int MalformedLines { get; init; }
}

/// <summary>Serialized token counts (snake_case, as both CLIs name them).</summary>
public sealed record TurnUsage
{
    [JsonPropertyName("input_tokens")] public long InputTokens { get; init; }
    [JsonPropertyName("cached_input_tokens")] public long CachedInputTokens { get; init; }
    [JsonPropertyName("cache_write_input_tokens")] public long CacheWriteInputTokens { get; init; }
    [JsonPropertyName("output_tokens")] public long OutputTokens { get; init; }
    [JsonPropertyName("reasoning_output_tokens")] public long ReasoningOutputTokens { get; init; }

    public Events.TokenUsage ToTokenUsage() =>
        new(InputTokens, CachedInputTokens, CacheWriteInputTokens, OutputTokens, ReasoningOutputTokens);

    public static TurnUsage From(Events.TokenUsage u) => new()
    {
        InputTokens = u.InputTokens,
        CachedInputTokens = u.CachedInputTokens,
        CacheWriteInputTokens = u.CacheWriteInputTokens,
        OutputTokens = u.OutputTokens,
        ReasoningOutputTokens = u.ReasoningOutputTokens,
    };
}
