// Normalizes an OpenAI Responses API body: `instructions` + `input` (a string or a list of items).
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Requests;

internal static class ResponsesBodyParser
{
    public static ParsedBody Parse(JsonNode? body)
    {
        if (body is not JsonObject) return ParsedBody.Empty;
        var messages = new List<ModelMessage>();
        if (Json.String(body, "instructions") is { Length: > 0 } instructions)
        {
            messages.Add(ModelMessage.OfText("system", instructions));
        }

        if (Json.String(body, "input") is { } plainInput)
        {
            messages.Add(ModelMessage.OfText("user", plainInput));
        }
        else
        {
            foreach (var item in Json.Array(body, "input"))
            {
                if (ParseItem(item) is { } message) messages.Add(message);
            }
        }

        var tools = Json.Array(body, "tools")
            .Select(t => Json.String(t, "name") ?? Json.String(t, "type") ?? "")
            .Where(n => n.Length > 0)
            .ToList();
        return new ParsedBody(Json.String(body, "model"), Json.Bool(body, "stream"), messages, tools);
    }

    private static ModelMessage? ParseItem(JsonNode? item)
    {
        var type = Json.String(item, "type") ?? (Json.String(item, "role") is not null ? "message" : null);
        var callId = Json.String(item, "call_id") ?? "";
        return type switch
        {
            "message" => ModelMessage.OfText(Json.String(item, "role") ?? "user", Json.Text(item?["content"])),
            "function_call" => new ModelMessage("assistant", "",
                [new ModelToolCall(callId, Json.String(item, "name") ?? "", Json.String(item, "arguments") ?? "{}")], []),
            "custom_tool_call" => new ModelMessage("assistant", "",
                [new ModelToolCall(callId, Json.String(item, "name") ?? "", Json.String(item, "input") ?? "")], []),
            "function_call_output" or "custom_tool_call_output" => new ModelMessage("tool", "", [],
                [new ModelToolResult(callId, Json.Text(item?["output"]), IsError: false)]),
            // Reasoning items (opaque, often encrypted) and anything unknown carry nothing a script needs.
            _ => null,
        };
    }
}
