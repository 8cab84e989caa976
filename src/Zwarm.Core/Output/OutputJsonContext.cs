// The serializer settings of every face's JSON output (`zwarm ... --json`, the dashboard's API): snake_case, raw
// UTF-8, status names as strings. The CLI's own context (Zwarm.Cli CliJsonContext) uses the same options, so a
// value written by either is the same bytes; the shared writers (show, traj) use this one.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Output;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionMeta))]
[JsonSerializable(typeof(TrajectoryStep))]
[JsonSerializable(typeof(TurnUsage))]
[JsonSerializable(typeof(IReadOnlyList<FileChange>))]
[JsonSerializable(typeof(TokenUsage))]
internal sealed partial class OutputJsonContext : JsonSerializerContext
{
    public static OutputJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<SessionStatus>() },
    });
}
