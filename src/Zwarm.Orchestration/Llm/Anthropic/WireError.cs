namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>The <c>error</c> of an error body or event: <c>{"type":"error","error":{"type":..,"message":..}}</c>.</summary>
internal sealed record WireError(string? Type, string? Message);
