// Reads server-sent events (the text/event-stream format) from a response body: `event:` and `data:` fields,
// a blank line ends an event, `:` lines are comments, other fields (id, retry) are ignored. The end of the body
// ends the sequence; whether the stream was complete is for the caller to judge from the events.
using System.Runtime.CompilerServices;
using System.Text;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        string? name = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData || name is not null)
                {
                    yield return new SseEvent(name, data.ToString());
                }
                name = null;
                data.Clear();
                hasData = false;
                continue;
            }
            if (line[0] == ':')
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            switch (field)
            {
                case "event":
                    name = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }
                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
        // A last event without its blank line is still delivered: a server may close right after it.
        if (hasData)
        {
            yield return new SseEvent(name, data.ToString());
        }
    }
}
