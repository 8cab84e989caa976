// Server-sent events over an HttpResponse: every event is flushed at once so clients see real streaming.
using System.Text;
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
    public Task EventAsync(string? name, JsonNode data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (name is not null) text.Append("event: ").Append(name).Append('\n');
        text.Append("data: ").Append(Json.Write(data)).Append("\n\n");
        return RawAsync(text.ToString(), cancellationToken);
    }

    public Task DoneAsync(CancellationToken cancellationToken) => RawAsync("data: [DONE]\n\n", cancellationToken);

    private async Task RawAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
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
