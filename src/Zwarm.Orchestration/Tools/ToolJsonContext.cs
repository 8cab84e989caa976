// Source-generated JSON for tool results (AOT-safe): compact, snake_case, readable UTF-8 (no \u escapes for
// quotes or non-ASCII, which models read better).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Tools;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Zwarm.Core.Events.TrajectoryStep))]
[JsonSerializable(typeof(ToolErrorResult))]
[JsonSerializable(typeof(DelegateResult))]
[JsonSerializable(typeof(ConverseResult))]
[JsonSerializable(typeof(SessionReport))]
[JsonSerializable(typeof(PeekResult))]
[JsonSerializable(typeof(TrajectoryResult))]
[JsonSerializable(typeof(ListResult))]
[JsonSerializable(typeof(EndResult))]
[JsonSerializable(typeof(DiffSessionResult))]
[JsonSerializable(typeof(MergeSessionResult))]
[JsonSerializable(typeof(DiscardResult))]
[JsonSerializable(typeof(WaitReport))]
[JsonSerializable(typeof(SleepResult))]
[JsonSerializable(typeof(BashResult))]
[JsonSerializable(typeof(ExitResult))]
internal sealed partial class ToolJsonContext : JsonSerializerContext
{
    public static ToolJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
