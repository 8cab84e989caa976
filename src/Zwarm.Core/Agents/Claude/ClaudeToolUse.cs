namespace Zwarm.Core.Agents.Claude;

/// <summary>A tool_use block waiting for its tool_result: what is needed to describe the result.</summary>
/// <param name="Name">Tool name (Bash, Write, Read, mcp__server__tool, ...).</param>
/// <param name="Command">Bash's input.command.</param>
/// <param name="Path">The file a file-editing tool targets (input.file_path or input.notebook_path).</param>
internal sealed record ClaudeToolUse(string Name, string? Command = null, string? Path = null);
