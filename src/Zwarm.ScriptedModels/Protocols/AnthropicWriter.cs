// Anthropic Messages replies: one `message` object, or SSE WITH `event:` lines (message_start,
// content_block_start/delta/stop per block, message_delta, message_stop). Claude Code needs the event lines.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

internal sealed class AnthropicWriter : IProtocolWriter
{
    public JsonObject BuildResponse(ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage)
    {
        var message = MessageObject(request, usage, usage.OutputTokens);
        message["content"] = new JsonArray(items.Select(i => (JsonNode?)Block(request, i, done: true)).ToArray());
        message["stop_reason"] = StopReason(items);
        return message;
    }

    public async Task StreamAsync(SseWriter sse, ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage,
        StreamEnding ending, string? failure, CancellationToken cancellationToken)
    {
        Task Send(string type, JsonObject data)
        {
            data.Insert(0, "type", type); // first, as the real APIs send it
            return sse.EventAsync(type, data, cancellationToken);
        }

        await sse.StartAsync(cancellationToken);
        var start = MessageObject(request, usage, outputTokens: 1);
        start["content"] = new JsonArray();
        await Send("message_start", new() { ["message"] = start });
        await Send("ping", []);
        for (int i = 0; i < items.Count; i++)
        {
            await Send("content_block_start", new() { ["index"] = i, ["content_block"] = Block(request, items[i], done: false) });
            foreach (var delta in Deltas(request, items[i]))
            {
                await Send("content_block_delta", new() { ["index"] = i, ["delta"] = delta });
            }
            await Send("content_block_stop", new() { ["index"] = i });
        }

        switch (ending)
        {
            case StreamEnding.Complete:
                await Send("message_delta", new()
                {
                    ["delta"] = new JsonObject { ["stop_reason"] = StopReason(items), ["stop_sequence"] = null },
                    ["usage"] = new JsonObject { ["output_tokens"] = usage.OutputTokens },
                });
                await Send("message_stop", []);
                break;
            case StreamEnding.Fail:
                await sse.EventAsync("error", AnthropicErrors.Body(500, failure ?? "failed"), cancellationToken);
                break;
        }
    }

    public JsonObject ErrorBody(int statusCode, string message) => AnthropicErrors.Body(statusCode, message);

    private static JsonObject MessageObject(ModelRequest request, ReplyUsage usage, int outputTokens) => new()
    {
        ["id"] = $"msg_{request.CallNumber}",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = request.Model ?? "scripted-model",
        ["content"] = new JsonArray(),
        ["stop_reason"] = null,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject
        {
            ["input_tokens"] = usage.InputTokens,
            ["output_tokens"] = outputTokens,
            ["cache_creation_input_tokens"] = 0,
            ["cache_read_input_tokens"] = usage.CachedInputTokens,
        },
    };

    private static JsonObject Block(ModelRequest request, OutputItem item, bool done) => item switch
    {
        TextItem text => new() { ["type"] = "text", ["text"] = done ? text.Text : "" },
        ReasoningItem reasoning => new()
        {
            ["type"] = "thinking", ["thinking"] = done ? reasoning.Text : "", ["signature"] = done ? Signature(request) : "",
        },
        FunctionCallItem call => new()
        {
            ["type"] = "tool_use", ["id"] = call.CallId, ["name"] = call.Name,
            ["input"] = done ? Json.TryParse(call.ArgumentsJson) ?? new JsonObject() : new JsonObject(),
        },
        FreeformCallItem call => new()
        {
            ["type"] = "tool_use", ["id"] = call.CallId, ["name"] = call.Name,
            ["input"] = done ? new JsonObject { ["input"] = call.Input } : new JsonObject(),
        },
        _ => throw new InvalidOperationException($"Unknown output item {item.GetType().Name}"),
    };

    private static IEnumerable<JsonObject> Deltas(ModelRequest request, OutputItem item)
    {
        switch (item)
        {
            case TextItem text:
                foreach (var piece in SseWriter.Chunks(text.Text)) yield return new() { ["type"] = "text_delta", ["text"] = piece };
                break;
            case ReasoningItem reasoning:
                foreach (var piece in SseWriter.Chunks(reasoning.Text)) yield return new() { ["type"] = "thinking_delta", ["thinking"] = piece };
                yield return new() { ["type"] = "signature_delta", ["signature"] = Signature(request) };
                break;
            case FunctionCallItem call:
                yield return new() { ["type"] = "input_json_delta", ["partial_json"] = call.ArgumentsJson };
                break;
            case FreeformCallItem call:
                yield return new()
                {
                    ["type"] = "input_json_delta", ["partial_json"] = Json.Write(new JsonObject { ["input"] = call.Input }),
                };
                break;
        }
    }

    private static string Signature(ModelRequest request) => $"scripted-signature-{request.CallNumber}";

    private static string StopReason(IEnumerable<OutputItem> items) =>
        items.Any(i => i is FunctionCallItem or FreeformCallItem) ? "tool_use" : "end_turn";
}
