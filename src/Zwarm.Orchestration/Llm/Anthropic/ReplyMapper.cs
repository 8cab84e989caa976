// Messages reply pieces -> M.E.AI: content blocks, stop reasons, usage. Shared by the plain and the streamed reply.
// A thinking block's signature rides in TextReasoningContent.ProtectedData (kept in saved conversations), so the
// block can be sent back as the API requires.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal static class ReplyMapper
{
    public static ChatResponse ToResponse(MessagesResponse reply)
    {
        var contents = new List<AIContent>();
        foreach (var block in reply.Content ?? [])
        {
            if (ToContent(block) is { } content)
            {
                contents.Add(content);
            }
        }
        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = reply.Id, RawRepresentation = reply };
        return new ChatResponse(message)
        {
            ResponseId = reply.Id,
            ModelId = reply.Model,
            FinishReason = FinishReason(reply.StopReason),
            Usage = Usage(reply.Usage, null),
            RawRepresentation = reply,
        };
    }

    /// <summary>The content of a complete block (non-streamed replies); null for kinds zwarm does not use.</summary>
    public static AIContent? ToContent(ContentBlock block) => block.Type switch
    {
        "text" => new TextContent(block.Text ?? ""),
        "thinking" => new TextReasoningContent(block.Thinking ?? "") { ProtectedData = Empty(block.Signature) },
        "redacted_thinking" => new TextReasoningContent("") { ProtectedData = RedactedThinking.Wrap(block.Data ?? "") },
        "tool_use" => ToolCall(block.Id ?? "", block.Name ?? "", block.Input is { } input ? input.GetRawText() : "{}"),
        _ => null,
    };

    /// <summary>A tool call from its input JSON; unreadable input becomes the call's Exception (the engine reports it).</summary>
    public static FunctionCallContent ToolCall(string id, string name, string inputJson)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(inputJson) ? "{}" : inputJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"the input is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
            return new FunctionCallContent(id, name, arguments);
        }
        catch (JsonException e)
        {
            return new FunctionCallContent(id, name, arguments) { Exception = e };
        }
    }

    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null or "" => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>
    /// Usage in M.E.AI's sense: InputTokenCount is all input, CachedInputTokenCount the part read from the cache
    /// (Anthropic counts input_tokens without cache reads and writes). <paramref name="later"/> (message_delta's
    /// cumulative counts) wins over <paramref name="first"/> (message_start's) field by field.
    /// </summary>
    public static UsageDetails? Usage(WireUsage? first, WireUsage? later)
    {
        if (first is null && later is null)
        {
            return null;
        }
        var input = later?.InputTokens ?? first?.InputTokens ?? 0;
        var cacheRead = later?.CacheReadInputTokens ?? first?.CacheReadInputTokens ?? 0;
        var cacheWrite = later?.CacheCreationInputTokens ?? first?.CacheCreationInputTokens ?? 0;
        var output = later?.OutputTokens ?? first?.OutputTokens ?? 0;
        var usage = new UsageDetails
        {
            InputTokenCount = input + cacheRead + cacheWrite,
            CachedInputTokenCount = cacheRead,
            OutputTokenCount = output,
            TotalTokenCount = input + cacheRead + cacheWrite + output,
        };
        if (cacheWrite > 0)
        {
            usage.AdditionalCounts = new AdditionalPropertiesDictionary<long> { ["cache_creation_input_tokens"] = cacheWrite };
        }
        return usage;
    }

    private static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
