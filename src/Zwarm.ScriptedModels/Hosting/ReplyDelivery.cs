// Acts out one scripted reply on the HTTP response: content, HTTP error, in-band error, cut stream, stall.
using Microsoft.AspNetCore.Http;
using Zwarm.ScriptedModels.Protocols;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Hosting;

internal static class ReplyDelivery
{
    public static async Task DeliverAsync(HttpContext context, ModelRequest request, ScriptedReply reply,
        IProtocolWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, time, cancellationToken);
        var usage = reply.Usage ?? ReplyUsage.DefaultFor(request.CallNumber);
        var sse = new SseWriter(context.Response);
        switch (reply)
        {
            case ContentReply content:
                var items = PartResolver.Resolve(request, content.Parts);
                if (request.Stream)
                {
                    await writer.StreamAsync(sse, request, items, usage, StreamEnding.Complete, null, cancellationToken);
                }
                else
                {
                    await RequestHandler.WriteJsonAsync(context, 200, writer.BuildResponse(request, items, usage), cancellationToken);
                }
                break;

            case ErrorReply error:
                await RequestHandler.WriteJsonAsync(context, error.StatusCode, writer.ErrorBody(error.StatusCode, error.Message), cancellationToken);
                break;

            case StreamErrorReply failure when request.Stream:
                await writer.StreamAsync(sse, request, PartResolver.Resolve(request, failure.PartsBefore), usage,
                    StreamEnding.Fail, failure.Message, cancellationToken);
                break;

            case StreamErrorReply failure:
                await RequestHandler.WriteJsonAsync(context, 500, writer.ErrorBody(500, failure.Message), cancellationToken);
                break;

            case CutStreamReply cut when request.Stream:
                await writer.StreamAsync(sse, request, PartResolver.Resolve(request, cut.PartsBefore), usage,
                    StreamEnding.Cut, null, cancellationToken);
                if (cut.AbortConnection) context.Abort();
                break;

            case CutStreamReply cut:
                var wholeJson = writer.BuildResponse(request, PartResolver.Resolve(request, cut.PartsBefore), usage);
                var whole = Json.Write(wholeJson);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = whole.Length * 2L; // promise more than is sent, so the cut is visible
                await context.Response.WriteAsync(whole[..(whole.Length / 2)], cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
                context.Abort();
                break;

            case StallReply stall:
                if (stall.SendHeaders && request.Stream) await sse.StartAsync(cancellationToken);
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
                break;
        }
    }
}
