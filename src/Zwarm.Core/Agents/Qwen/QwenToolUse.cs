namespace Zwarm.Core.Agents.Qwen;

/// <summary>A tool_use block waiting for its tool_result: what is needed to describe the result.</summary>
/// <param name="Name">Tool name (run_shell_command, write_file, edit, read_file, ...).</param>
/// <param name="Command">run_shell_command's input.command.</param>
/// <param name="Path">The file a file-editing tool targets (input.file_path).</param>
internal sealed record QwenToolUse(string Name, string? Command = null, string? Path = null);
