// Tolerant readers over JsonNode: a fake server must never throw on a field of an unexpected shape.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Requests;

internal static class Json
{
    public static JsonNode? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static bool Bool(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static JsonArray Array(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonArray array ? array : [];

    /// <summary>
    /// Flattens a content value to text: a string as is, an array by joining the <c>text</c> of its parts (any part
    /// type carrying text: <c>text</c>, <c>input_text</c>, <c>output_text</c>), skipping images and the like.
    /// </summary>
    public static string Text(JsonNode? content)
    {
        switch (content)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonArray parts:
                var text = new StringBuilder();
                foreach (var part in parts)
                {
                    var piece = part is JsonValue ? Text(part) : String(part, "text");
                    if (string.IsNullOrEmpty(piece)) continue;
                    if (text.Length > 0) text.Append('\n');
                    text.Append(piece);
                }
                return text.ToString();
            default:
                return "";
        }
    }

    /// <summary>Compact JSON text of a node ("{}" for null), e.g. tool arguments given as an object.</summary>
    public static string Compact(JsonNode? node) => node is null ? "{}" : Write(node);

    /// <summary>
    /// Compact JSON with only the escaping JSON requires (no <c>\u003E</c> for <c>&gt;</c>): what real APIs send, and
    /// readable in recorded requests and agent transcripts.
    /// </summary>
    public static string Write(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
