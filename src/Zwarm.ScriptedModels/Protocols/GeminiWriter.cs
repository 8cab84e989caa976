// Gemini API replies (`generateContent`): one GenerateContentResponse, or for `streamGenerateContent?alt=sse` a series
// of them as bare `data:` events (no `event:` lines, no [DONE]). Text is sent in a few chunks, thoughts as parts with
// `thought: true`, each tool call as one `functionCall` part (with an id, which Gemini CLI echoes in its
// functionResponse). The last chunk carries `finishReason` and `usageMetadata`; a cut stream never sends it, which
// Gemini CLI reports as a stream that "ended without a finish reason". An in-band failure is a Google error object.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

internal sealed class GeminiWriter : IProtocolWriter
{
    public JsonObject BuildResponse(ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage) =>
        Chunk(request, [.. items.SelectMany(i => Parts(i, whole: true))], usage);

    public async Task StreamAsync(SseWriter sse, ModelRequest request, IReadOnlyList<OutputItem> items, ReplyUsage usage,
        StreamEnding ending, string? failure, CancellationToken cancellationToken)
    {
        await sse.StartAsync(cancellationToken);
        var parts = items.SelectMany(i => Parts(i, whole: false)).ToList();
        for (int i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1 && ending == StreamEnding.Complete;
            await sse.EventAsync(null, Chunk(request, [parts[i]], last ? usage : null), cancellationToken);
        }
        switch (ending)
        {
            case StreamEnding.Complete when parts.Count == 0:
                await sse.EventAsync(null, Chunk(request, [new JsonObject { ["text"] = "" }], usage), cancellationToken);
                break;
            case StreamEnding.Fail:
                await sse.EventAsync(null, GeminiErrors.Body(500, failure ?? "failed"), cancellationToken);
                break;
        }
    }

    public JsonObject ErrorBody(int statusCode, string message) => GeminiErrors.Body(statusCode, message);

    /// <summary>One GenerateContentResponse; with <paramref name="usage"/> it is the last one (finish reason, usage).</summary>
    private static JsonObject Chunk(ModelRequest request, JsonNode?[] parts, ReplyUsage? usage)
    {
        var candidate = new JsonObject
        {
            ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray(parts) },
            ["index"] = 0,
        };
        var chunk = new JsonObject { ["candidates"] = new JsonArray(candidate) };
        if (usage is not null)
        {
            candidate["finishReason"] = "STOP";
            chunk["usageMetadata"] = Usage(usage);
        }
        chunk["modelVersion"] = request.Model ?? "scripted-model";
        chunk["responseId"] = $"resp_{request.CallNumber}";
        return chunk;
    }

    private static IEnumerable<JsonObject> Parts(OutputItem item, bool whole)
    {
        switch (item)
        {
            case TextItem text:
                foreach (var piece in whole ? [text.Text] : SseWriter.Chunks(text.Text)) yield return new() { ["text"] = piece };
                break;
            case ReasoningItem reasoning:
                yield return new() { ["text"] = reasoning.Text, ["thought"] = true };
                break;
            case FunctionCallItem call:
                yield return FunctionCall(call.CallId, call.Name, Json.TryParse(call.ArgumentsJson) ?? new JsonObject());
                break;
            case FreeformCallItem call:
                yield return FunctionCall(call.CallId, call.Name, new JsonObject { ["input"] = call.Input });
                break;
            default:
                throw new InvalidOperationException($"Unknown output item {item.GetType().Name}");
        }
    }

    private static JsonObject FunctionCall(string id, string name, JsonNode args) => new()
    {
        ["functionCall"] = new JsonObject { ["id"] = id, ["name"] = name, ["args"] = args },
    };

    // promptTokenCount includes the cached part (cachedContentTokenCount); thoughts are counted apart from the
    // candidates, whereas ReplyUsage.OutputTokens includes reasoning (as OpenAI counts it), so they are split here.
    private static JsonObject Usage(ReplyUsage usage)
    {
        var metadata = new JsonObject
        {
            ["promptTokenCount"] = usage.InputTokens,
            ["candidatesTokenCount"] = Math.Max(0, usage.OutputTokens - usage.ReasoningTokens),
            ["totalTokenCount"] = usage.InputTokens + usage.OutputTokens,
        };
        if (usage.CachedInputTokens > 0) metadata["cachedContentTokenCount"] = usage.CachedInputTokens;
        if (usage.ReasoningTokens > 0) metadata["thoughtsTokenCount"] = usage.ReasoningTokens;
        return metadata;
    }
}
