namespace Zwarm.Orchestration.Tools;

/// <summary>The model called a tool with missing or malformed arguments; becomes an error result, never a crash.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
