// Gemini CLI's side requests (a non-streamed generateContent asking for JSON by schema) get a reply of their own that
// satisfies the schema, so they never take a scripted reply meant for the agent's turn. Seen with 0.61: with model
// "auto" the router asks gemini-3.5-flash-lite for {complexity_reasoning, complexity_score}; a low score keeps the
// turn on the flash model. Values: an enum's first member, "scripted" for strings, 1 for numbers, false, [], {}.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Hosting;

internal static class GeminiSideReply
{
    public static JsonObject Build(ModelRequest request)
    {
        var config = Json.TryParse(request.Body)?["generationConfig"];
        var schema = config?["responseJsonSchema"] ?? config?["responseSchema"];
        var text = Json.Write(ValueFor(schema, depth: 0) ?? new JsonObject());
        return new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject
                {
                    ["role"] = "model", ["parts"] = new JsonArray(new JsonObject { ["text"] = text }),
                },
                ["finishReason"] = "STOP",
                ["index"] = 0,
            }),
            ["usageMetadata"] = new JsonObject { ["promptTokenCount"] = 1, ["candidatesTokenCount"] = 1, ["totalTokenCount"] = 2 },
            ["modelVersion"] = request.Model ?? "scripted-model",
        };
    }

    private static JsonNode? ValueFor(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject || depth > 8) return null;
        if (Json.Array(schema, "enum") is [var first, ..]) return first?.DeepClone();
        switch (Json.String(schema, "type")?.ToLowerInvariant())
        {
            case "string": return "scripted";
            case "integer" or "number": return 1;
            case "boolean": return false;
            case "array": return new JsonArray();
            default:
                var value = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties) value[name] = ValueFor(property, depth + 1);
                }
                return value;
        }
    }
}
