// Source-generated JSON for the Messages API wire types (the reason this client exists: native AOT has no
// reflection-based serialization). snake_case names, nulls left out, unknown members ignored, text written as
// readable UTF-8 (no \u escapes for quotes or non-ASCII: smaller bodies, the same JSON).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Llm.Anthropic;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagesRequest))]
[JsonSerializable(typeof(MessagesResponse))]
[JsonSerializable(typeof(StreamEvent))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext
{
    public static AnthropicJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
