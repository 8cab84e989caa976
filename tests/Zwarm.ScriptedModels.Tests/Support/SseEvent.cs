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
        var events = new List<SseEvent>();
        string? name = null;
        var data = new List<string>();
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Length == 0)
            {
                if (data.Count > 0) events.Add(new SseEvent(name, string.Join('\n', data)));
                name = null;
                data.Clear();
            }
            else if (raw.StartsWith("event:", StringComparison.Ordinal)) name = raw[6..].Trim();
            else if (raw.StartsWith("data:", StringComparison.Ordinal)) data.Add(raw[5..].TrimStart());
        }
        if (data.Count > 0) events.Add(new SseEvent(name, string.Join('\n', data)));
        return events;
    }
}
