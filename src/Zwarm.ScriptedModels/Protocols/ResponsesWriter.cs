// OpenAI Responses API replies: one `response` object, or the SSE event sequence a real server sends
// (response.created, per item output_item.added / deltas / output_item.done, then response.completed).
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

internal sealed class ResponsesWriter(TimeProvider time) : IProtocolWriter
{
    public JsonObject BuildResponse(ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage) =>
        ResponseObject(request, "completed", Output(request, items), Usage(usage));

    public async Task StreamAsync(SseWriter sse, ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage,
        StreamEnding ending, string? failure, CancellationToken cancellationToken)
    {
        int sequence = 0;
        Task Send(string type, JsonObject data)
        {
            data.Insert(0, "type", type); // first, as the real APIs send it
            data.Insert(1, "sequence_number", sequence++);
            return sse.EventAsync(null, data, cancellationToken);
        }

        await sse.StartAsync(cancellationToken);
        await Send("response.created", new() { ["response"] = ResponseObject(request, "in_progress", [], null) });
        await Send("response.in_progress", new() { ["response"] = ResponseObject(request, "in_progress", [], null) });
        for (int i = 0; i < items.Count; i++)
        {
            var id = ItemId(request, items[i], i);
            await Send("response.output_item.added", new() { ["output_index"] = i, ["item"] = ItemJson(request, items[i], i, done: false) });
            switch (items[i])
            {
                case TextItem text:
                    var emptyPart = new JsonObject { ["type"] = "output_text", ["text"] = "", ["annotations"] = new JsonArray() };
                    await Send("response.content_part.added", Located(id, i, "content_index", emptyPart));
                    foreach (var chunk in SseWriter.Chunks(text.Text))
                    {
                        await Send("response.output_text.delta", Located(id, i, "content_index", null, ("delta", chunk)));
                    }
                    await Send("response.output_text.done", Located(id, i, "content_index", null, ("text", text.Text)));
                    await Send("response.content_part.done", Located(id, i, "content_index", OutputText(text.Text)));
                    break;
                case ReasoningItem reasoning:
                    await Send("response.reasoning_summary_part.added", Located(id, i, "summary_index", SummaryText("")));
                    foreach (var chunk in SseWriter.Chunks(reasoning.Text))
                    {
                        await Send("response.reasoning_summary_text.delta", Located(id, i, "summary_index", null, ("delta", chunk)));
                    }
                    await Send("response.reasoning_summary_text.done", Located(id, i, "summary_index", null, ("text", reasoning.Text)));
                    await Send("response.reasoning_summary_part.done", Located(id, i, "summary_index", SummaryText(reasoning.Text)));
                    break;
                case FunctionCallItem call:
                    await Send("response.function_call_arguments.delta", Located(id, i, null, null, ("delta", call.ArgumentsJson)));
                    await Send("response.function_call_arguments.done", Located(id, i, null, null, ("arguments", call.ArgumentsJson)));
                    break;
                case FreeformCallItem call:
                    await Send("response.custom_tool_call_input.delta", Located(id, i, null, null, ("delta", call.Input)));
                    await Send("response.custom_tool_call_input.done", Located(id, i, null, null, ("input", call.Input)));
                    break;
            }
            await Send("response.output_item.done", new() { ["output_index"] = i, ["item"] = ItemJson(request, items[i], i, done: true) });
        }

        var output = Output(request, items);
        switch (ending)
        {
            case StreamEnding.Complete:
                await Send("response.completed", new() { ["response"] = ResponseObject(request, "completed", output, Usage(usage)) });
                break;
            case StreamEnding.Fail:
                var failed = ResponseObject(request, "failed", output, null);
                failed["error"] = new JsonObject { ["code"] = "server_error", ["message"] = failure ?? "failed" };
                await Send("response.failed", new() { ["response"] = failed });
                break;
        }
    }

    public JsonObject ErrorBody(int statusCode, string message) => OpenAIErrors.Body(statusCode, message);

    private JsonObject ResponseObject(ModelRequest request, string status, JsonArray output, JsonObject? usage) => new()
    {
        ["id"] = $"resp_{request.CallNumber}",
        ["object"] = "response",
        ["created_at"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["status"] = status,
        ["error"] = null,
        ["incomplete_details"] = null,
        ["instructions"] = null,
        ["max_output_tokens"] = null,
        ["model"] = request.Model ?? "scripted-model",
        ["output"] = output,
        ["parallel_tool_calls"] = true,
        ["previous_response_id"] = null,
        ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
        ["store"] = false,
        ["temperature"] = 1.0,
        ["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
        ["tool_choice"] = "auto",
        ["tools"] = new JsonArray(),
        ["top_p"] = 1.0,
        ["truncation"] = "disabled",
        ["usage"] = usage,
        ["metadata"] = new JsonObject(),
    };

    // An explicit JsonNode?[]: a collection expression targeting JsonArray would bind to the generic
    // JsonArray.Add<T>, which is not Native-AOT safe.
    private static JsonArray Output(ModelRequest request, IReadOnlyList<OutputItem> items) =>
        new(items.Select((item, i) => (JsonNode?)ItemJson(request, item, i, done: true)).ToArray());

    private static JsonObject Usage(ReplyUsage usage) => new()
    {
        ["input_tokens"] = usage.InputTokens,
        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.CachedInputTokens },
        ["output_tokens"] = usage.OutputTokens,
        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.ReasoningTokens },
        ["total_tokens"] = usage.TotalTokens,
    };

    private static string ItemId(ModelRequest request, OutputItem item, int index) => item switch
    {
        ReasoningItem => $"rs_{request.CallNumber}_{index + 1}",
        FunctionCallItem => $"fc_{request.CallNumber}_{index + 1}",
        FreeformCallItem => $"ctc_{request.CallNumber}_{index + 1}",
        _ => $"msg_{request.CallNumber}_{index + 1}",
    };

    private static JsonObject ItemJson(ModelRequest request, OutputItem item, int index, bool done)
    {
        var id = ItemId(request, item, index);
        var status = done ? "completed" : "in_progress";
        return item switch
        {
            TextItem text => new JsonObject
            {
                ["id"] = id, ["type"] = "message", ["status"] = status, ["role"] = "assistant",
                ["content"] = done ? new JsonArray(OutputText(text.Text)) : new JsonArray(),
            },
            ReasoningItem reasoning => new JsonObject
            {
                ["id"] = id, ["type"] = "reasoning",
                ["summary"] = done ? new JsonArray(SummaryText(reasoning.Text)) : new JsonArray(),
            },
            FunctionCallItem call => FunctionCallJson(call, id, status, done),
            FreeformCallItem call => new JsonObject
            {
                ["id"] = id, ["type"] = "custom_tool_call", ["status"] = status, ["call_id"] = call.CallId,
                ["name"] = call.Name, ["input"] = done ? call.Input : "",
            },
            _ => throw new InvalidOperationException($"Unknown output item {item.GetType().Name}"),
        };
    }

    private static JsonObject FunctionCallJson(FunctionCallItem call, string id, string status, bool done)
    {
        var json = new JsonObject
        {
            ["id"] = id, ["type"] = "function_call", ["status"] = status, ["call_id"] = call.CallId,
            ["name"] = call.Name, ["arguments"] = done ? call.ArgumentsJson : "",
        };
        if (call.Namespace is { } ns) json["namespace"] = ns;
        return json;
    }

    private static JsonObject OutputText(string text) =>
        new() { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() };

    private static JsonObject SummaryText(string text) => new() { ["type"] = "summary_text", ["text"] = text };

    /// <summary>The item_id / output_index (/ content or summary index) header most item events share.</summary>
    private static JsonObject Located(string itemId, int outputIndex, string? partIndexName, JsonObject? part,
        params (string Name, string Value)[] fields)
    {
        var data = new JsonObject { ["item_id"] = itemId, ["output_index"] = outputIndex };
        if (partIndexName is not null) data[partIndexName] = 0;
        if (part is not null) data["part"] = part;
        foreach (var (name, value) in fields) data[name] = value;
        return data;
    }
}
