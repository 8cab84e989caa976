using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

/// <summary>Renders resolved output items in one wire API: a whole JSON reply, an SSE stream, an error body.</summary>
internal interface IProtocolWriter
{
    JsonObject BuildResponse(ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage);

    Task StreamAsync(
        SseWriter sse,
        ModelRequest request,
        IReadOnlyList<OutputItem> items,
        ReplyUsage usage,
        StreamEnding ending,
        string? failure,
        CancellationToken cancellationToken);

    JsonObject ErrorBody(int statusCode, string message);
}
