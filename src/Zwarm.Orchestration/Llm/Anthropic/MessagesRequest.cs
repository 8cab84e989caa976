// The body of POST /v1/messages, as far as zwarm uses it (snake_case names come from AnthropicJsonContext).
namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed record MessagesRequest
{
    public required string Model { get; init; }

    /// <summary>Required by the API; must exceed the thinking budget when thinking is on.</summary>
    public required int MaxTokens { get; init; }

    public string? System { get; init; }

    public required IReadOnlyList<WireMessage> Messages { get; init; }

    public IReadOnlyList<WireTool>? Tools { get; init; }

    public WireToolChoice? ToolChoice { get; init; }

    public WireThinking? Thinking { get; init; }

    public double? Temperature { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }

    public bool? Stream { get; init; }
}
