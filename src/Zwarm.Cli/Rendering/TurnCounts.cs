namespace Zwarm.Cli.Rendering;

/// <summary>What a turn did besides talking: finished shell commands, file changes, other tool calls.</summary>
internal readonly record struct TurnCounts(int Commands, int FileChanges, int ToolCalls);
