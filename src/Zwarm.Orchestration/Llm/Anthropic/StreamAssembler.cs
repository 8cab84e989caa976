// Turns the events of one streamed Messages reply into ChatResponseUpdates the way ChatEngine consumes them: text and
// thinking as they arrive, a signature as an empty reasoning piece carrying ProtectedData (ToChatResponse joins it
// to the thinking before it), a tool call once its input JSON is complete, and one last update with the finish
// reason and the usage. An `error` event throws; so does a stream that ends before message_stop (Complete is false).
using System.Text;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed class StreamAssembler
{
    private readonly Dictionary<int, ToolBlock> _tools = [];
    private string? _messageId;
    private string? _model;
    private WireUsage? _startUsage;

    /// <summary>message_stop was seen: the reply is whole.</summary>
    public bool Complete { get; private set; }

    /// <summary>The update for <paramref name="e"/>, or null when it has nothing to pass on (ping, block ends, ...).</summary>
    public ChatResponseUpdate? Translate(StreamEvent e)
    {
        switch (e.Type)
        {
            case "message_start":
                _messageId = e.Message?.Id;
                _model = e.Message?.Model;
                _startUsage = e.Message?.Usage;
                return Update(e, []);
            case "content_block_start" when e.ContentBlock is { } block:
                return Start(e, e.Index ?? -1, block);
            case "content_block_delta" when e.Delta is { } delta:
                return Delta(e, e.Index ?? -1, delta);
            case "content_block_stop" when _tools.Remove(e.Index ?? -1, out var tool):
                return Update(e, [ReplyMapper.ToolCall(tool.Id, tool.Name, tool.Input.Length > 0 ? tool.Input.ToString() : tool.StartInput)]);
            case "message_delta":
                var update = Update(e, ReplyMapper.Usage(_startUsage, e.Usage) is { } usage ? [new UsageContent(usage)] : []);
                update.FinishReason = ReplyMapper.FinishReason(e.Delta?.StopReason);
                return update;
            case "message_stop":
                Complete = true;
                return null;
            case "error":
                throw new AnthropicMessagesException(null, e.Error?.Type, e.Error?.Message ?? "the stream reported an error");
            default:
                // ping, content_block_stop of text/thinking, and event kinds added to the API later.
                return null;
        }
    }

    private ChatResponseUpdate? Start(StreamEvent e, int index, ContentBlock block)
    {
        switch (block.Type)
        {
            case "tool_use":
                _tools[index] = new ToolBlock(block.Id ?? "", block.Name ?? "", block.Input is { } input ? input.GetRawText() : "{}");
                return null;
            case "text" when !string.IsNullOrEmpty(block.Text):
            case "thinking" when !string.IsNullOrEmpty(block.Thinking) || !string.IsNullOrEmpty(block.Signature):
            case "redacted_thinking":
                return ReplyMapper.ToContent(block) is { } content ? Update(e, [content]) : null;
            default:
                return null;
        }
    }

    private ChatResponseUpdate? Delta(StreamEvent e, int index, StreamDelta delta)
    {
        switch (delta.Type)
        {
            case "text_delta" when !string.IsNullOrEmpty(delta.Text):
                return Update(e, [new TextContent(delta.Text)]);
            case "thinking_delta" when !string.IsNullOrEmpty(delta.Thinking):
                return Update(e, [new TextReasoningContent(delta.Thinking)]);
            case "signature_delta" when !string.IsNullOrEmpty(delta.Signature):
                return Update(e, [new TextReasoningContent("") { ProtectedData = delta.Signature }]);
            case "input_json_delta" when _tools.TryGetValue(index, out var tool):
                tool.Input.Append(delta.PartialJson);
                return null;
            default:
                return null;
        }
    }

    private ChatResponseUpdate Update(StreamEvent e, IList<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = _messageId,
        MessageId = _messageId,
        ModelId = _model,
        RawRepresentation = e,
    };

    private sealed record ToolBlock(string Id, string Name, string StartInput)
    {
        public StringBuilder Input { get; } = new();
    }
}
