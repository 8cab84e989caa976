// OpenAI Chat Completions replies: one `chat.completion`, or `chat.completion.chunk` SSE lines ending in [DONE].
using System.Text;
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

internal sealed class ChatCompletionsWriter(TimeProvider time) : IProtocolWriter
{
    public JsonObject BuildResponse(ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = Join<TextItem>(items, t => t.Text) };
        if (Join<ReasoningItem>(items, r => r.Text) is { } reasoning) message["reasoning_content"] = reasoning;
        var calls = Calls(items);
        if (calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray(calls.Select(c => (JsonNode?)CallJson(c.Id, c.Name, c.Arguments)).ToArray());
        }

        var choice = new JsonObject
        {
            ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = FinishReason(items),
        };
        var response = Envelope(request, "chat.completion");
        response["choices"] = new JsonArray(choice);
        response["usage"] = Usage(usage);
        return response;
    }

    public async Task StreamAsync(SseWriter sse, ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage,
        StreamEnding ending, string? failure, CancellationToken cancellationToken)
    {
        Task Chunk(JsonObject delta, string? finishReason = null)
        {
            var chunk = Envelope(request, "chat.completion.chunk");
            chunk["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason,
            });
            return sse.EventAsync(null, chunk, cancellationToken);
        }

        await sse.StartAsync(cancellationToken);
        await Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" });
        int callIndex = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case TextItem text:
                    foreach (var piece in SseWriter.Chunks(text.Text)) await Chunk(new JsonObject { ["content"] = piece });
                    break;
                case ReasoningItem reasoning:
                    foreach (var piece in SseWriter.Chunks(reasoning.Text)) await Chunk(new JsonObject { ["reasoning_content"] = piece });
                    break;
                default:
                    var (id, name, arguments) = Calls([item])[0];
                    var head = CallJson(id, name, "");
                    head["index"] = callIndex;
                    await Chunk(new JsonObject { ["tool_calls"] = new JsonArray(head) });
                    var rest = new JsonObject { ["index"] = callIndex, ["function"] = new JsonObject { ["arguments"] = arguments } };
                    await Chunk(new JsonObject { ["tool_calls"] = new JsonArray(rest) });
                    callIndex++;
                    break;
            }
        }

        switch (ending)
        {
            case StreamEnding.Complete:
                var includeUsage = Json.Bool(Json.TryParse(request.Body)?["stream_options"], "include_usage");
                var last = Envelope(request, "chat.completion.chunk");
                last["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["delta"] = new JsonObject(), ["logprobs"] = null, ["finish_reason"] = FinishReason(items),
                });
                // Without stream_options.include_usage, real servers send no usage; this fake puts it on the last
                // chunk instead, so clients that read it anyway still see the scripted numbers.
                if (!includeUsage) last["usage"] = Usage(usage);
                await sse.EventAsync(null, last, cancellationToken);
                if (includeUsage)
                {
                    var usageChunk = Envelope(request, "chat.completion.chunk");
                    usageChunk["choices"] = new JsonArray();
                    usageChunk["usage"] = Usage(usage);
                    await sse.EventAsync(null, usageChunk, cancellationToken);
                }
                await sse.DoneAsync(cancellationToken);
                break;
            case StreamEnding.Fail:
                await sse.EventAsync(null, OpenAIErrors.Body(500, failure ?? "failed"), cancellationToken);
                break;
        }
    }

    public JsonObject ErrorBody(int statusCode, string message) => OpenAIErrors.Body(statusCode, message);

    private JsonObject Envelope(ModelRequest request, string type) => new()
    {
        ["id"] = $"chatcmpl-{request.CallNumber}",
        ["object"] = type,
        ["created"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["model"] = request.Model ?? "scripted-model",
        ["system_fingerprint"] = null,
    };

    private static List<(string Id, string Name, string Arguments)> Calls(IEnumerable<OutputItem> items)
    {
        var calls = new List<(string Id, string Name, string Arguments)>();
        foreach (var item in items)
        {
            if (item is FunctionCallItem c) calls.Add((c.CallId, c.Name, c.ArgumentsJson));
            else if (item is FreeformCallItem f) calls.Add((f.CallId, f.Name, Json.Write(new JsonObject { ["input"] = f.Input })));
        }
        return calls;
    }

    private static JsonObject CallJson(string id, string name, string arguments) => new()
    {
        ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
    };

    private static string FinishReason(IEnumerable<OutputItem> items) =>
        items.Any(i => i is FunctionCallItem or FreeformCallItem) ? "tool_calls" : "stop";

    private static string? Join<T>(IEnumerable<OutputItem> items, Func<T, string> text) where T : OutputItem
    {
        var parts = items.OfType<T>().Select(text).ToList();
        if (parts.Count == 0) return null;
        return new StringBuilder().AppendJoin("\n\n", parts).ToString();
    }

    private static JsonObject Usage(ReplyUsage usage) => new()
    {
        ["prompt_tokens"] = usage.InputTokens,
        ["completion_tokens"] = usage.OutputTokens,
        ["total_tokens"] = usage.TotalTokens,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.CachedInputTokens },
        ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.ReasoningTokens },
    };
}
