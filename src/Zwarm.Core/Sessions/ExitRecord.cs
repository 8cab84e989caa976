using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

/// <summary>
/// turns/turn_N.exit.json: written atomically by the turn's supervisor when the agent process ends, whether or not
/// any zwarm process is running at that moment.
/// </summary>
internal sealed record ExitRecord
{
    [JsonPropertyName("exit_code")] public int ExitCode { get; init; }
    [JsonPropertyName("ended_at")] public string EndedAt { get; init; } = "";
}
