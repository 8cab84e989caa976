namespace Zwarm.Core.Agents.Gemini;

/// <summary>A tool_use line waiting for its tool_result: what is needed to describe the result.</summary>
/// <param name="Name">Tool name (run_shell_command, write_file, replace, read_file, an MCP tool, ...).</param>
/// <param name="Command">run_shell_command's parameters.command.</param>
/// <param name="Path">The file write_file / replace targets (parameters.file_path).</param>
internal sealed record GeminiToolUse(string Name, string? Command = null, string? Path = null);
