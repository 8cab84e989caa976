using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

/// <summary>
/// One line of sessions/.index.jsonl: what `ls` shows of a session, plus the meta.json stamp it was taken from.
/// The index is only a cache; meta.json stays the ground truth and a stale entry is re-read from it.
/// </summary>
public sealed record SessionIndexEntry
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("stamp")] public long Stamp { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("summary")] public required SessionSummary Summary { get; init; }
}
