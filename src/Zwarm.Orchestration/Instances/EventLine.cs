using System.Text.Json;

namespace Zwarm.Orchestration.Instances;

/// <summary>One line of events.jsonl as read back (any kind, including kinds a newer zwarm wrote).</summary>
public sealed record EventLine(DateTimeOffset? Ts, int Step, string Kind, JsonElement Data);
