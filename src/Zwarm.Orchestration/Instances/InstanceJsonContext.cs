// Source-generated JSON for instance files: state.json and messages.json indented, events.jsonl compact.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Instances;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceState))]
[JsonSerializable(typeof(List<MessageDto>))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(InstanceEvent))]
internal sealed partial class InstanceJsonContext : JsonSerializerContext
{
    public static InstanceJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static InstanceJsonContext Lines { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
