// One server-sent event as the tests read them, parsed by the BCL's SseParser (System.Net.ServerSentEvents) like the
// clients do, instead of a third hand-written reader.
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Tests.Support;

/// <summary>One server-sent event: its <c>event:</c> name (null when absent) and <c>data:</c> text.</summary>
internal sealed record SseEvent(string? Name, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;

    public string? Type => Data.StartsWith('{') ? (string?)Json["type"] : null;

    /// <summary>Parses a whole SSE body (LF or CRLF), ignoring comments.</summary>
    public static List<SseEvent> ParseAll(string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        // The parser reports a missing `event:` as the default type "message"; the scripted servers never name one so.
        return [.. SseParser.Create(stream).Enumerate()
            .Where(e => e.Data.Length > 0)
            .Select(e => new SseEvent(e.EventType == SseParser.EventTypeDefault ? null : e.EventType, e.Data))];
    }
}
