using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Instances;

/// <summary>Which interface drives an instance. State files written before pilot existed read as orchestrator.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceKind>))]
public enum InstanceKind
{
    /// <summary>`zwarm orchestrate`: the autonomous loop.</summary>
    [JsonStringEnumMemberName("orchestrator")] Orchestrator,
    /// <summary>`zwarm pilot`: a conversation with a human, turn by turn.</summary>
    [JsonStringEnumMemberName("pilot")] Pilot,
}

public static class InstanceKindExtensions
{
    public static string ToName(this InstanceKind kind) => kind == InstanceKind.Pilot ? "pilot" : "orchestrator";
}
