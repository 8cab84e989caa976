using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Hosting;

/// <summary>
/// <c>GET /v1/models</c>: one list that reads as both an OpenAI and an Anthropic model listing; <c>GET /v1beta/models</c>
/// the Gemini API's own shape.
/// </summary>
internal static class ModelList
{
    private static readonly string[] Ids = ["gpt-5.5", "gpt-5.5-mini", "claude-sonnet-4-5", "claude-opus-5-5", "scripted-model"];
    private static readonly string[] GeminiIds = ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite", "scripted-model"];

    public static JsonObject Build() => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(Ids.Select(id => (JsonNode?)Model(id)).ToArray()),
        ["has_more"] = false,
        ["first_id"] = Ids[0],
        ["last_id"] = Ids[^1],
    };

    public static JsonObject Model(string id) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["type"] = "model",
        ["created"] = 0,
        ["created_at"] = "1970-01-01T00:00:00Z",
        ["owned_by"] = "zwarm-scripted",
        ["display_name"] = id,
    };

    public static JsonObject BuildGemini() => new()
    {
        ["models"] = new JsonArray(GeminiIds.Select(id => (JsonNode?)GeminiModel(id)).ToArray()),
    };

    public static JsonObject GeminiModel(string id) => new()
    {
        ["name"] = "models/" + id,
        ["version"] = "001",
        ["displayName"] = id,
        ["inputTokenLimit"] = 1_048_576,
        ["outputTokenLimit"] = 65_536,
        ["supportedGenerationMethods"] = new JsonArray("generateContent", "streamGenerateContent", "countTokens"),
    };
}
