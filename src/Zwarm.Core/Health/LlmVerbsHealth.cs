namespace Zwarm.Core.Health;

/// <summary>Where orchestrate / pilot / demo run: in this binary, or in zwarm-llm beside a native zwarm.</summary>
public sealed record LlmVerbsHealth(bool InProcess, string? Binary, bool Available);
