// The saved form of the orchestrator's conversation (messages.json, transcript.jsonl): a small, stable schema of our
// own rather than M.E.AI's internal one, so a saved run resumes across SDK versions. Function calls keep their
// arguments as a JSON object and results as text; reasoning keeps its provider-protected data for round-tripping.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Instances;

internal sealed record MessageDto
{
    [JsonPropertyName("role")] public required string Role { get; init; }
    [JsonPropertyName("author")] public string? AuthorName { get; init; }
    [JsonPropertyName("contents")] public IReadOnlyList<ContentDto> Contents { get; init; } = [];
}

internal sealed record ContentDto
{
    /// <summary>text | reasoning | function_call | function_result</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("protected_data")] public string? ProtectedData { get; init; }
    [JsonPropertyName("call_id")] public string? CallId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("arguments")] public JsonElement? Arguments { get; init; }
    [JsonPropertyName("result")] public string? Result { get; init; }
}
