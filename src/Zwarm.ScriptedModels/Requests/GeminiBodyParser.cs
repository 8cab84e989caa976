// Normalizes a Gemini API body: `systemInstruction` + `contents` (role user | model, parts with text, functionCall,
// functionResponse, thoughts) + `tools[].functionDeclarations`. The model is not in the body but in the path.
//
// Gemini CLI (0.61) opens a conversation with one user content of two text parts: its `<session_context>` (date, OS,
// workspace directories, file tree) and the prompt. The context is split off into a message of its own, so the
// prompt reads as the turn's user text and the context only as the working directory.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Requests;

internal static class GeminiBodyParser
{
    public const string SessionContextTag = "<session_context>";

    /// <param name="path">The request path, which names the model and, by its method, whether to stream.</param>
    public static ParsedBody Parse(JsonNode? body, string path)
    {
        var (model, stream) = FromPath(path);
        if (body is not JsonObject) return new ParsedBody(model, stream, [], []);
        var messages = new List<ModelMessage>();
        var system = body["systemInstruction"];
        if ((system is JsonValue ? Json.Text(system) : TextOf(Parts(system))) is { Length: > 0 } systemText)
        {
            messages.Add(ModelMessage.OfText("system", systemText));
        }

        foreach (var content in Json.Array(body, "contents"))
        {
            messages.AddRange(ParseContent(content));
        }

        var tools = Json.Array(body, "tools")
            .SelectMany(t => Json.Array(t, "functionDeclarations"))
            .Select(d => Json.String(d, "name") ?? "")
            .Where(n => n.Length > 0)
            .ToList();
        return new ParsedBody(model, stream, messages, tools);
    }

    /// <summary>True for a <c>generateContent</c> body that asks for JSON output: Gemini CLI's own side requests.</summary>
    public static bool AsksForJson(JsonNode? body) =>
        body?["generationConfig"] is JsonObject config &&
        (Json.String(config, "responseMimeType") == "application/json" || config["responseJsonSchema"] is not null
            || config["responseSchema"] is not null);

    /// <summary>The model and streaming flag of <c>/v1beta/models/MODEL:METHOD</c>.</summary>
    public static (string? Model, bool Stream) FromPath(string path)
    {
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        var models = path.LastIndexOf("/models/", StringComparison.Ordinal);
        var colon = path.LastIndexOf(':');
        if (models < 0 || colon < models) return (null, false);
        var model = Uri.UnescapeDataString(path[(models + "/models/".Length)..colon]);
        return (model.Length > 0 ? model : null, path[(colon + 1)..] == "streamGenerateContent");
    }

    private static IEnumerable<ModelMessage> ParseContent(JsonNode? content)
    {
        // Gemini's roles are user and model; "model" is reported as "assistant" like the other APIs' replies.
        var role = Json.String(content, "role") is "model" ? "assistant" : Json.String(content, "role") ?? "user";
        var texts = new List<string>();
        var calls = new List<ModelToolCall>();
        var results = new List<ModelToolResult>();
        foreach (var part in Parts(content))
        {
            if (part?["functionCall"] is JsonObject call)
            {
                var name = Json.String(call, "name") ?? "";
                calls.Add(new ModelToolCall(Json.String(call, "id") ?? name, name, Json.Compact(call["args"])));
            }
            else if (part?["functionResponse"] is JsonObject response)
            {
                var name = Json.String(response, "name") ?? "";
                var (output, isError) = ResponseText(response["response"]);
                results.Add(new ModelToolResult(Json.String(response, "id") ?? name, output, isError));
            }
            else if (Json.String(part, "text") is { } text && !Json.Bool(part, "thought"))
            {
                if (role == "user" && text.TrimStart().StartsWith(SessionContextTag, StringComparison.Ordinal))
                {
                    yield return ModelMessage.OfText("user", text);
                    continue;
                }
                texts.Add(text);
            }
        }
        if (texts.Count > 0 || calls.Count > 0 || results.Count > 0)
        {
            yield return new ModelMessage(role, string.Join("\n", texts.Where(t => t.Length > 0)), calls, results);
        }
    }

    // A functionResponse's `response` is an object: Gemini CLI sends {"output": "..."} or {"error": "..."}.
    private static (string Output, bool IsError) ResponseText(JsonNode? response)
    {
        if (Json.String(response, "error") is { } error) return (error, true);
        if (Json.String(response, "output") is { } output) return (output, false);
        if (Json.String(response, "content") is { } content) return (content, false);
        return response is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? (value.GetValue<string>(), false)
            : (Json.Compact(response), false);
    }

    private static JsonArray Parts(JsonNode? content) => Json.Array(content, "parts");

    private static string TextOf(JsonArray parts) =>
        string.Join("\n", parts.Select(p => Json.String(p, "text")).Where(t => !string.IsNullOrEmpty(t)));
}
