namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>A <c>message</c> object: the whole non-streamed reply, or the shell sent by <c>message_start</c>.</summary>
internal sealed record MessagesResponse
{
    public string? Id { get; init; }

    public string? Model { get; init; }

    public string? Role { get; init; }

    public IReadOnlyList<ContentBlock>? Content { get; init; }

    public string? StopReason { get; init; }

    public WireUsage? Usage { get; init; }
}
