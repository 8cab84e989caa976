// JSON responses written with Utf8JsonWriter straight onto the response (no reflection, nothing big held): the
// compact form of the CLI's --json shapes, and the one-line {"error": ...} every failure answers with.
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Zwarm.Dashboard.Api;

internal static class ApiJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Answers <paramref name="status"/> with the JSON <paramref name="write"/> produces.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            write(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Answers <paramref name="status"/> with {"error": message} (one line: the message is cut at its first newline).</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message)
    {
        var line = message.ReplaceLineEndings("\n");
        var newline = line.IndexOf('\n');
        line = newline >= 0 ? line[..newline] : line;
        return WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", line);
            w.WriteEndObject();
        });
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
