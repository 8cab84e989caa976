// Every failure of a request becomes a 4xx/5xx with one JSON line, never a stack trace, and the server keeps
// serving: zwarm's own refusals (ZwarmException) by their kind, malformed input as 400, anything else as a 500 that
// names only the exception's type.
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Dashboard.Api;

internal static class ErrorMapping
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage or ErrorKind.Ambiguous => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict or ErrorKind.AgentMissing or ErrorKind.Config or ErrorKind.Timeout => StatusCodes.Status409Conflict,
        ErrorKind.External => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a closed event stream): nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, message) = e switch
            {
                ZwarmException z => (StatusOf(z.Kind), z.Message),
                JsonException => (StatusCodes.Status400BadRequest, "the request body is not valid JSON"),
                BadHttpRequestException b => (b.StatusCode, b.Message),
                CorruptSessionException c => (StatusCodes.Status500InternalServerError, c.Message),
                _ => (StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name})"),
            };
            context.Response.Clear();
            Security.DashboardGate.AddSecurityHeaders(context.Response);
            await ApiJson.ErrorAsync(context, status, message).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Headers are gone: all that is left is to cut the response short.
            context.Abort();
        }
    }
}
