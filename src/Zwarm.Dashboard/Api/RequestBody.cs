// A POST's JSON body, read defensively: at most 64 KB, an object or nothing; anything else is a 400.
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zwarm.Core;

namespace Zwarm.Dashboard.Api;

internal static class RequestBody
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>The body's root object, or null when the body is empty.</summary>
    public static async Task<JsonElement?> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ZwarmException(ErrorKind.Usage, $"the request body is larger than {MaxBytes / 1024} KB");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return null;
        }
        using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ZwarmException(ErrorKind.Usage, "the request body must be a JSON object");
        }
        return document.RootElement.Clone();
    }

    /// <summary>The string property <paramref name="name"/>, or null when absent; a non-string is a 400.</summary>
    public static string? String(JsonElement? body, string name)
    {
        if (body is not { } root || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ZwarmException(ErrorKind.Usage, $"\"{name}\" must be a string");
    }
}
