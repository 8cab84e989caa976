// Server-sent events over an HttpResponse, formatted by the BCL's SseFormatter (System.Net.ServerSentEvents): one
// event per call, flushed at once, so clients see real streaming and the protocol writers decide between events
// where a stream stalls or is cut. The bytes are unchanged: `event: name` (when given), one `data:` line, a blank line.
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Protocols;

internal sealed class SseWriter(HttpResponse response)
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (response.HasStarted) return;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Writes <c>event: name</c> (when given) and one <c>data:</c> line of compact JSON.</summary>
    public Task EventAsync(string? name, JsonNode data, CancellationToken cancellationToken) =>
        WriteAsync(new SseItem<string>(Json.Write(data), name), cancellationToken);

    public Task DoneAsync(CancellationToken cancellationToken) => WriteAsync(new SseItem<string>("[DONE]"), cancellationToken);

    private async Task WriteAsync(SseItem<string> item, CancellationToken cancellationToken)
    {
        await SseFormatter.WriteAsync(One(item), response.Body, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<SseItem<string>> One(SseItem<string> item)
    {
        await Task.CompletedTask;
        yield return item;
    }

    /// <summary>Splits text into a few deltas (never inside a surrogate pair), so clients exercise delta assembly.</summary>
    public static IEnumerable<string> Chunks(string text, int size = 32)
    {
        for (int start = 0; start < text.Length;)
        {
            int length = Math.Min(size, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1])) length++;
            yield return text.Substring(start, length);
            start += length;
        }
    }
}
