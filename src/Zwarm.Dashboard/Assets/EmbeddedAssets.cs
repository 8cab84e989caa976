// The UI as built into the binary: every file under wwwroot/ is an embedded resource named "wwwroot/<path>"
// (Web.targets of the web/ project adds them). `/` is wwwroot/index.html, `/assets/<path>` is wwwroot/<path>. A
// lookup by name, never a file-system path, so no request can reach outside the bundle. Without index.html (the
// UI was not built) `/` answers 503 and says so.
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Zwarm.Dashboard.Api;

namespace Zwarm.Dashboard.Assets;

internal static class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Assembly Bundle = typeof(EmbeddedAssets).Assembly;

    public static Task IndexAsync(HttpContext context) =>
        ServeAsync(context, "index.html", "the UI is not built into this zwarm (UI not built: build src/Zwarm.Dashboard with npm installed)");

    public static Task AssetAsync(HttpContext context)
    {
        var path = context.Request.RouteValues["path"] as string ?? "";
        return path.Contains("..", StringComparison.Ordinal) || path.Contains('\\')
            ? ApiJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad asset path")
            : ServeAsync(context, path, $"no asset {path}");
    }

    private static async Task ServeAsync(HttpContext context, string path, string missing)
    {
        await using var stream = Bundle.GetManifestResourceStream(Prefix + path);
        if (stream is null)
        {
            var status = path == "index.html" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
            await ApiJson.ErrorAsync(context, status, missing).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = ContentType(path);
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    internal static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" or ".map" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
