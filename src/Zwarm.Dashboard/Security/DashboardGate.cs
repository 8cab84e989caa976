// The door in front of every route (pages, assets, API, event streams), in this order:
// 1. the Host/Origin guard shared with `zwarm mcp --http` (DNS rebinding, cross-site requests) -> 403;
// 2. `GET /?token=T` with the right T sets the HttpOnly SameSite=Strict cookie and redirects to `/` (303), so the
//    token leaves the address bar and the history;
// 3. the cookie, or `Authorization: Bearer T` -> else 401 (JSON under /api, a short page elsewhere);
// 4. a POST needs the CSRF header /api/info hands out, and is refused outright in --read-only -> 403.
// Security headers (the strict CSP, nosniff, no framing, no referrer) go on every answer, refusals included.
using Microsoft.AspNetCore.Http;
using Zwarm.Dashboard.Api;
using Zwarm.Http;

namespace Zwarm.Dashboard.Security;

internal sealed class DashboardGate(DashboardContext dashboard)
{
    public const string CookieName = "zwarm_dashboard";

    public const string CsrfHeader = "X-Zwarm-Csrf";

    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

    /// <summary>Set once Kestrel has its port; until then every request gets 503.</summary>
    public LoopbackRequestGuard? Guard { get; set; }

    public async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        AddSecurityHeaders(context.Response);
        var request = context.Request;
        if (Guard is not { } guard)
        {
            await ApiJson.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "starting").ConfigureAwait(false);
            return;
        }
        if (guard.CheckOrigin(request.Headers.Host, request.Headers.Origin) is { } refused)
        {
            await ApiJson.ErrorAsync(context, refused.Status, refused.Reason).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && request.Path == "/" && request.Query.TryGetValue("token", out var given))
        {
            if (!guard.IsToken(given.ToString()))
            {
                await RefuseAsync(context, "the token in the address is not this dashboard's; open the URL zwarm dashboard printed").ConfigureAwait(false);
                return;
            }
            context.Response.Cookies.Append(CookieName, given.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Secure = false, // plain HTTP on loopback; SameSite=Strict and the Host guard keep it to this origin
            });
            headers.Location = "/";
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            return;
        }
        if (!guard.IsToken(request.Cookies[CookieName]) && !guard.IsBearer(request.Headers.Authorization))
        {
            await RefuseAsync(context, "a valid token is required: open the URL zwarm dashboard printed").ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (dashboard.Settings.ReadOnly)
            {
                await ApiJson.ErrorAsync(context, StatusCodes.Status403Forbidden, "this dashboard is read-only (started with --read-only)").ConfigureAwait(false);
                return;
            }
            if (!LoopbackRequestGuard.IsCsrf(request.Headers[CsrfHeader].ToString(), dashboard.Csrf))
            {
                await ApiJson.ErrorAsync(context, StatusCodes.Status403Forbidden, $"the {CsrfHeader} header is missing or wrong (take it from /api/info)").ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The headers every answer carries (also re-added when an error answer replaces a started one).</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static async Task RefuseAsync(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, reason).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><meta charset=utf-8><title>zwarm dashboard</title><h1>zwarm dashboard</h1>" +
            "<p>This page needs its access token. Open the URL that <code>zwarm dashboard</code> printed " +
            "(it ends in <code>?token=...</code>).</p>\n", context.RequestAborted).ConfigureAwait(false);
    }
}
