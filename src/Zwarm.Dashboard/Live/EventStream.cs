// Writing text/event-stream: the headers that keep proxies and the browser from buffering it, one event at a
// time, flushed as it goes.
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Zwarm.Dashboard.Live;

internal static class EventStream
{
    public static async Task BeginAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        // A first comment: the client knows the stream is open (and subscribed) before anything happens.
        await WriteRawAsync(context, ": connected\nretry: 2000\n\n").ConfigureAwait(false);
    }

    /// <summary>One event; <paramref name="data"/> is a single line (compact JSON escapes its newlines).</summary>
    public static Task WriteAsync(HttpContext context, string name, string data) =>
        WriteRawAsync(context, $"event: {name}\ndata: {data}\n\n");

    public static Task PingAsync(HttpContext context) => WriteRawAsync(context, ": ping\n\n");

    private static async Task WriteRawAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
