namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>An error response body (and the data of an in-stream <c>error</c> event).</summary>
internal sealed record ErrorEnvelope(string? Type, WireError? Error);
