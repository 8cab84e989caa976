// ChatMessage <-> MessageDto. Contents other than text, reasoning, function calls and results (usage, errors,
// provider-specific items) are not part of the conversation the model needs back and are dropped.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Instances;

internal static class MessageCodec
{
    public static MessageDto ToDto(ChatMessage message)
    {
        var contents = new List<ContentDto>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    contents.Add(new ContentDto { Type = "text", Text = text.Text });
                    break;
                case TextReasoningContent reasoning:
                    contents.Add(new ContentDto { Type = "reasoning", Text = reasoning.Text, ProtectedData = reasoning.ProtectedData });
                    break;
                case FunctionCallContent call:
                    using (var doc = JsonDocument.Parse(ArgumentsJson(call.Arguments)))
                    {
                        contents.Add(new ContentDto { Type = "function_call", CallId = call.CallId, Name = call.Name, Arguments = doc.RootElement.Clone() });
                    }
                    break;
                case FunctionResultContent result:
                    contents.Add(new ContentDto { Type = "function_result", CallId = result.CallId, Result = ResultText(result.Result) });
                    break;
            }
        }
        return new MessageDto { Role = message.Role.Value, AuthorName = message.AuthorName, Contents = contents };
    }

    public static ChatMessage FromDto(MessageDto dto)
    {
        var contents = new List<AIContent>();
        foreach (var c in dto.Contents)
        {
            switch (c.Type)
            {
                case "text":
                    contents.Add(new TextContent(c.Text ?? ""));
                    break;
                case "reasoning":
                    contents.Add(new TextReasoningContent(c.Text ?? "") { ProtectedData = c.ProtectedData });
                    break;
                case "function_call":
                    contents.Add(new FunctionCallContent(c.CallId ?? "", c.Name ?? "", ParseArguments(c.Arguments)));
                    break;
                case "function_result":
                    contents.Add(new FunctionResultContent(c.CallId ?? "", c.Result));
                    break;
            }
        }
        return new ChatMessage(new ChatRole(dto.Role), contents) { AuthorName = dto.AuthorName };
    }

    /// <summary>A call's arguments as a JSON object text (AOT-safe: no reflection over unknown value types).</summary>
    public static string ArgumentsJson(IDictionary<string, object?>? arguments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A function result as text (our tools always return JSON text; other values are rendered).</summary>
    public static string ResultText(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText(),
        _ => Convert.ToString(result, CultureInfo.InvariantCulture) ?? "",
    };

    private static Dictionary<string, object?> ParseArguments(JsonElement? arguments)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (arguments is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject())
            {
                result[property.Name] = property.Value.Clone();
            }
        }
        return result;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement e:
                e.WriteTo(writer);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case IEnumerable<string> strings:
                writer.WriteStartArray();
                foreach (var s in strings)
                {
                    writer.WriteStringValue(s);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
