// The data of one SSE event of a streamed reply. Like ContentBlock, a flat record over the event kinds:
// message_start {message}, content_block_start {index, content_block}, content_block_delta {index, delta},
// content_block_stop {index}, message_delta {delta, usage}, message_stop, ping, error {error}.
namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed record StreamEvent
{
    public string? Type { get; init; }

    public MessagesResponse? Message { get; init; }

    public int? Index { get; init; }

    public ContentBlock? ContentBlock { get; init; }

    public StreamDelta? Delta { get; init; }

    public WireUsage? Usage { get; init; }

    public WireError? Error { get; init; }
}
