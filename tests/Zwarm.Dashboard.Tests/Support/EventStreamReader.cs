// A client of a text/event-stream endpoint: reads "event:"/"data:" lines into events, so a test can wait (with a
// timeout, never a sleep) for the event it expects.
namespace Zwarm.Dashboard.Tests.Support;

public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Opens <paramref name="path"/> and reads up to the server's opening comment (the stream is then subscribed).</summary>
    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var stream = new EventStreamReader(response, reader);
        if (response.IsSuccessStatusCode)
        {
            var first = await reader.ReadLineAsync(cancellationToken);
            Assert.Equal(": connected", first);
        }
        return stream;
    }

    /// <summary>The next event (comments such as pings are skipped); null when the stream ended.</summary>
    public async Task<(string Name, string Data)?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null, data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    return (name, data);
                }
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
        return null;
    }

    /// <summary>Reads events until one satisfies <paramref name="match"/>.</summary>
    public async Task<(string Name, string Data)> WaitForAsync(Func<string, string, bool> match, CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } e)
        {
            if (match(e.Name, e.Data))
            {
                return e;
            }
        }
        throw new InvalidOperationException("the event stream ended before the expected event");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
