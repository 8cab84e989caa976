namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>
/// A <c>delta</c>: in content_block_delta one of text_delta {text}, thinking_delta {thinking}, signature_delta
/// {signature}, input_json_delta {partial_json}; in message_delta {stop_reason, stop_sequence} (no type).
/// </summary>
internal sealed record StreamDelta
{
    public string? Type { get; init; }

    public string? Text { get; init; }

    public string? Thinking { get; init; }

    public string? Signature { get; init; }

    public string? PartialJson { get; init; }

    public string? StopReason { get; init; }
}
