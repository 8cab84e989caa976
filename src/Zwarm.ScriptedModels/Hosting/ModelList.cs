using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Hosting;

/// <summary><c>GET /v1/models</c>: one list that reads as both an OpenAI and an Anthropic model listing.</summary>
internal static class ModelList
{
    private static readonly string[] Ids = ["gpt-5.5", "gpt-5.5-mini", "claude-sonnet-4-5", "claude-opus-5-5", "scripted-model"];

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
}
