// state.json of an instance: what the run was asked, where it stands, what it has cost. Written atomically after
// every step, so a crash loses at most the step in flight.
using System.Text.Json.Serialization;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Instances;

public sealed record InstanceState
{
    public const int CurrentSchema = 1;

    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("status")] public InstanceStatus Status { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("working_dir")] public required string WorkingDir { get; init; }
    [JsonPropertyName("provider")] public string Provider { get; init; } = "";
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("base_url")] public string? BaseUrl { get; init; }
    /// <summary>Steps completed over all runs of the instance.</summary>
    [JsonPropertyName("steps")] public int Steps { get; init; }
    /// <summary>How many times the instance was run (1 + resumes).</summary>
    [JsonPropertyName("runs")] public int Runs { get; init; }
    [JsonPropertyName("max_steps")] public int MaxSteps { get; init; }
    /// <summary>The orchestrator LLM's own token use.</summary>
    [JsonPropertyName("usage")] public TurnUsage Usage { get; init; } = new();
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    /// <summary>Why the last run stopped (the exit summary, the watcher's reason, the error).</summary>
    [JsonPropertyName("stop_reason")] public string? StopReason { get; init; }
    /// <summary>The model's exit summary, once it called exit.</summary>
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    /// <summary>The zwarm process running it (while running).</summary>
    [JsonPropertyName("pid")] public int? Pid { get; init; }
    [JsonPropertyName("pid_start")] public long? PidStart { get; init; }
    /// <summary>Sessions started by the instance, in order.</summary>
    [JsonPropertyName("sessions")] public IReadOnlyList<string> Sessions { get; init; } = [];
    /// <summary>Latest turn of each session the model has read in full (for "needs attention").</summary>
    [JsonPropertyName("seen_turns")] public IReadOnlyDictionary<string, int> SeenTurns { get; init; } = new Dictionary<string, int>();
    /// <summary>orchestrator or pilot: which command created it and may resume it.</summary>
    [JsonPropertyName("kind")] public InstanceKind Kind { get; init; }
    /// <summary>Pilot: the checkpoints T1..Tn of the conversation (T0, the bare system prompt, is implicit).</summary>
    [JsonPropertyName("checkpoints")] public IReadOnlyList<Checkpoint>? Checkpoints { get; init; }
    /// <summary>Pilot: the checkpoint the conversation stands at (below the last one after a `:goto`).</summary>
    [JsonPropertyName("head")] public int? Head { get; init; }
    [JsonPropertyName("zwarm_schema")] public int Schema { get; init; } = CurrentSchema;

    /// <summary>The source recorded on the instance's sessions.</summary>
    [JsonIgnore] public string Source => InstanceIds.Source(Id, Kind);

    /// <summary>
    /// The status as it really is: a state saved as running whose process is gone was interrupted (killed, crashed).
    /// </summary>
    public InstanceStatus LiveStatus() =>
        Status == InstanceStatus.Running && (Pid is not { } pid || !Zwarm.Core.Processes.ProcessInfo.IsAlive(pid, PidStart, null))
            ? InstanceStatus.Interrupted
            : Status;
}
