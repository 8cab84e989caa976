namespace Zwarm.Orchestration.Loop;

/// <summary>A tool call of a completed step and what it returned (JSON text), as watchers see it.</summary>
public sealed record ToolCallRecord(string Name, string ArgumentsJson, string ResultJson, bool IsError);
