namespace Zwarm.Core.Output;

/// <summary>What a turn did besides talking: finished shell commands, file changes, other tool calls.</summary>
public readonly record struct TurnCounts(int Commands, int FileChanges, int ToolCalls);
