using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Instances;

/// <summary>Where an orchestrator instance stands. Every status but <see cref="Running"/> can be resumed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    [JsonStringEnumMemberName("running")] Running,
    /// <summary>The model called exit.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>A watcher asked for a human (PAUSE).</summary>
    [JsonStringEnumMemberName("paused")] Paused,
    /// <summary>A watcher stopped the run (ABORT).</summary>
    [JsonStringEnumMemberName("aborted")] Aborted,
    /// <summary>The run used all its steps.</summary>
    [JsonStringEnumMemberName("step_limit")] StepLimit,
    /// <summary>Ctrl-C, or the process died mid-run.</summary>
    [JsonStringEnumMemberName("interrupted")] Interrupted,
    /// <summary>The LLM endpoint failed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

public static class InstanceStatusExtensions
{
    public static string ToName(this InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "running",
        InstanceStatus.Completed => "completed",
        InstanceStatus.Paused => "paused",
        InstanceStatus.Aborted => "aborted",
        InstanceStatus.StepLimit => "step_limit",
        InstanceStatus.Interrupted => "interrupted",
        _ => "failed",
    };
}
