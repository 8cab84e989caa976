// Normalizes an OpenAI Chat Completions body: `messages` with string or part-list content, tool calls, tool results.
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Requests;

internal static class ChatCompletionsBodyParser
{
    public static ParsedBody Parse(JsonNode? body)
    {
        if (body is not JsonObject) return ParsedBody.Empty;
        var messages = new List<ModelMessage>();
        foreach (var message in Json.Array(body, "messages"))
        {
            var role = Json.String(message, "role") ?? "user";
            var text = Json.Text(message?["content"]);
            if (role == "tool")
            {
                messages.Add(new ModelMessage("tool", "", [],
                    [new ModelToolResult(Json.String(message, "tool_call_id") ?? "", text, IsError: false)]));
                continue;
            }

            var calls = Json.Array(message, "tool_calls")
                .Select(c => new ModelToolCall(
                    Json.String(c, "id") ?? "",
                    Json.String(c?["function"], "name") ?? "",
                    Json.String(c?["function"], "arguments") ?? "{}"))
                .ToList();
            messages.Add(new ModelMessage(role, text, calls, []));
        }

        var tools = Json.Array(body, "tools")
            .Select(t => Json.String(t?["function"], "name") ?? Json.String(t, "name") ?? "")
            .Where(n => n.Length > 0)
            .ToList();
        return new ParsedBody(Json.String(body, "model"), Json.Bool(body, "stream"), messages, tools);
    }
}
