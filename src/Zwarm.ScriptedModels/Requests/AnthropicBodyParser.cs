// Normalizes an Anthropic Messages body: `system` (string or blocks) + `messages` with text, tool_use, tool_result.
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Requests;

internal static class AnthropicBodyParser
{
    public static ParsedBody Parse(JsonNode? body)
    {
        if (body is not JsonObject) return ParsedBody.Empty;
        var messages = new List<ModelMessage>();
        if (Json.Text(body["system"]) is { Length: > 0 } system)
        {
            messages.Add(ModelMessage.OfText("system", system));
        }

        foreach (var message in Json.Array(body, "messages"))
        {
            messages.Add(ParseMessage(message));
        }

        var tools = Json.Array(body, "tools")
            .Select(t => Json.String(t, "name") ?? "")
            .Where(n => n.Length > 0)
            .ToList();
        return new ParsedBody(Json.String(body, "model"), Json.Bool(body, "stream"), messages, tools);
    }

    private static ModelMessage ParseMessage(JsonNode? message)
    {
        var role = Json.String(message, "role") ?? "user";
        var content = message?["content"];
        if (content is not JsonArray blocks) return ModelMessage.OfText(role, Json.Text(content));

        var texts = new List<string>();
        var calls = new List<ModelToolCall>();
        var results = new List<ModelToolResult>();
        foreach (var block in blocks)
        {
            switch (Json.String(block, "type"))
            {
                case "text":
                    texts.Add(Json.String(block, "text") ?? "");
                    break;
                case "tool_use" or "server_tool_use":
                    calls.Add(new ModelToolCall(
                        Json.String(block, "id") ?? "", Json.String(block, "name") ?? "", Json.Compact(block?["input"])));
                    break;
                case "tool_result":
                    results.Add(new ModelToolResult(
                        Json.String(block, "tool_use_id") ?? "", Json.Text(block?["content"]), Json.Bool(block, "is_error")));
                    break;
            }
        }
        return new ModelMessage(role, string.Join("\n", texts.Where(t => t.Length > 0)), calls, results);
    }
}
