// ChatMessages + ChatOptions -> a Messages request. System messages become `system`; tool results (ChatRole.Tool)
// become tool_result blocks of a user message (first in it, as the API requires). Reasoning goes back as thinking
// blocks only with its signature (the API rejects unsigned ones and needs the signed ones when thinking runs with
// tools); unsigned reasoning (another provider's) is dropped.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal static class MessageMapper
{
    private static readonly JsonElement EmptyObjectSchema = Parse("""{"type":"object","properties":{}}""");

    public static MessagesRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string defaultModel,
        int defaultMaxTokens, bool stream)
    {
        var system = new List<string>();
        var wire = new List<WireMessage>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                if (message.Text is { Length: > 0 } text)
                {
                    system.Add(text);
                }
                continue;
            }
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = role == "assistant" ? AssistantBlocks(message) : UserBlocks(message);
            if (blocks.Count == 0)
            {
                continue;
            }
            // Consecutive messages of one role are left apart (the API joins them into one turn); tool_result
            // blocks must open a user message.
            wire.Add(new WireMessage(role, role == "user" ? [.. blocks.OrderBy(b => b.Type == "tool_result" ? 0 : 1)] : blocks));
        }

        var (maxTokens, budget) = ThinkingBudget.Fit(options?.Reasoning?.Effort, options?.MaxOutputTokens, defaultMaxTokens);
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>()
            .Select(t => new WireTool(t.Name, string.IsNullOrEmpty(t.Description) ? null : t.Description,
                t.JsonSchema.ValueKind == JsonValueKind.Object ? t.JsonSchema : EmptyObjectSchema))
            .ToList();
        return new MessagesRequest
        {
            Model = options?.ModelId ?? defaultModel,
            MaxTokens = maxTokens,
            System = system.Count > 0 ? string.Join("\n\n", system) : null,
            Messages = wire,
            Tools = tools is { Count: > 0 } ? tools : null,
            ToolChoice = tools is { Count: > 0 } ? ToolChoice(options?.ToolMode) : null,
            Thinking = budget is { } b ? new WireThinking("enabled", b) : null,
            // Thinking does not combine with a temperature.
            Temperature = budget is null && options?.Temperature is { } t ? t : null,
            StopSequences = options?.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
            Stream = stream ? true : null,
        };
    }

    private static WireToolChoice ToolChoice(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => new WireToolChoice("none"),
        RequiredChatToolMode { RequiredFunctionName: { } name } => new WireToolChoice("tool", name),
        RequiredChatToolMode => new WireToolChoice("any"),
        _ => new WireToolChoice("auto"),
    };

    private static List<ContentBlock> UserBlocks(ChatMessage message)
    {
        var blocks = new List<ContentBlock>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text:
                    blocks.Add(ContentBlock.OfText(text.Text));
                    break;
                case FunctionResultContent result:
                    blocks.Add(new ContentBlock
                    {
                        Type = "tool_result",
                        ToolUseId = result.CallId,
                        Content = MessageCodec.ResultText(result.Exception is { } e && result.Result is null ? e.Message : result.Result),
                        IsError = result.Exception is not null ? true : null,
                    });
                    break;
            }
        }
        return blocks;
    }

    private static List<ContentBlock> AssistantBlocks(ChatMessage message)
    {
        var blocks = new List<ContentBlock>();
        var thinking = "";
        foreach (var content in message.Contents)
        {
            if (content is TextReasoningContent reasoning)
            {
                // Streamed reasoning may arrive as pieces with the signature on the last; join them up to it.
                thinking += reasoning.Text;
                if (RedactedThinking.TryUnwrap(reasoning.ProtectedData, out var data))
                {
                    blocks.Add(new ContentBlock { Type = "redacted_thinking", Data = data });
                    thinking = "";
                }
                else if (reasoning.ProtectedData is { Length: > 0 } signature)
                {
                    blocks.Add(new ContentBlock { Type = "thinking", Thinking = thinking, Signature = signature });
                    thinking = "";
                }
                continue;
            }
            thinking = "";
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text:
                    blocks.Add(ContentBlock.OfText(text.Text));
                    break;
                case FunctionCallContent call:
                    blocks.Add(new ContentBlock
                    {
                        Type = "tool_use", Id = call.CallId, Name = call.Name, Input = Parse(MessageCodec.ArgumentsJson(call.Arguments)),
                    });
                    break;
            }
        }
        return blocks;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
