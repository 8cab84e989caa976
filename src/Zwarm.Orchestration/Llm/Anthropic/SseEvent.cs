namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>One server-sent event: its <c>event:</c> name (null when none was given) and its joined <c>data:</c> lines.</summary>
internal sealed record SseEvent(string? Name, string Data);
