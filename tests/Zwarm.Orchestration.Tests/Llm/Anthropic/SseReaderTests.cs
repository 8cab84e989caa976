// The SSE reader on hand-written streams: event names, multi-line data, comments, a last event without its blank line.
using System.Text;
using Zwarm.Orchestration.Llm.Anthropic;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class SseReaderTests
{
    [Fact]
    public async Task Events_are_split_on_blank_lines_with_names_and_joined_data()
    {
        const string text = ": a comment\nevent: ping\ndata: {}\n\nevent: message_delta\ndata: {\"a\":\ndata: 1}\nid: 7\n\n\ndata:{\"b\":2}";

        var events = await ReadAsync(text);

        Assert.Equal(
        [
            new SseEvent("ping", "{}"),
            new SseEvent("message_delta", "{\"a\":\n1}"),
            new SseEvent(null, "{\"b\":2}"),
        ], events);
    }

    [Fact]
    public async Task Crlf_line_ends_are_accepted()
    {
        var events = await ReadAsync("event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");

        Assert.Equal([new SseEvent("message_stop", "{\"type\":\"message_stop\"}")], events);
    }

    private static async Task<List<SseEvent>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var events = new List<SseEvent>();
        await foreach (var e in SseReader.ReadAsync(stream, CancellationToken.None))
        {
            events.Add(e);
        }
        return events;
    }
}
