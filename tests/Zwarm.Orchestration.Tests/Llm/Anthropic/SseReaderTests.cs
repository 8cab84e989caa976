// What the Anthropic client relies on from the BCL's SSE parser (System.Net.ServerSentEvents, which replaced zwarm's
// own reader): event names, multi-line data joined with '\n', comments and other fields skipped, CRLF line ends.
using System.Net.ServerSentEvents;
using System.Text;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class SseReaderTests
{
    [Fact]
    public async Task Events_are_split_on_blank_lines_with_names_and_joined_data()
    {
        const string text = ": a comment\nevent: ping\ndata: {}\n\nevent: message_delta\ndata: {\"a\":\ndata: 1}\nid: 7\n\n\ndata:{\"b\":2}\n\n";

        var events = await ReadAsync(text);

        Assert.Equal([("ping", "{}"), ("message_delta", "{\"a\":\n1}"), ("message", "{\"b\":2}")], events);
    }

    [Fact]
    public async Task Crlf_line_ends_are_accepted()
    {
        var events = await ReadAsync("event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");

        Assert.Equal([("message_stop", "{\"type\":\"message_stop\"}")], events);
    }

    [Fact]
    public async Task A_last_event_cut_before_its_blank_line_is_not_delivered()
    {
        var events = await ReadAsync("event: ping\ndata: {}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}");

        // The WHATWG rule (the old reader delivered it): a cut message_stop is no message_stop, so the client reports
        // "the stream ended before the message was complete" rather than a finished reply.
        Assert.Equal([("ping", "{}")], events);
    }

    private static async Task<List<(string, string)>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var events = new List<(string, string)>();
        await foreach (var e in SseParser.Create(stream).EnumerateAsync(CancellationToken.None))
        {
            events.Add((e.EventType, e.Data));
        }
        return events;
    }
}
