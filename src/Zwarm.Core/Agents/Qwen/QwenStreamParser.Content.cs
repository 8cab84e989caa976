// Qwen's assistant and user lines: content blocks (text, thinking, tool_use) and the tool_result blocks that answer
// them, paired by tool_use_id. run_shell_command becomes CommandStarted/CommandExecuted, the file-writing tools
// FileChanged when they succeed, every other tool a ToolCall/ToolResult. A refused call (its tool was not offered in
// this approval mode) is a PermissionDenied.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Qwen;

internal sealed partial class QwenStreamParser
{
    private const string ApiErrorPrefix = "[API Error:";

    private bool HandleAssistant(JsonElement root, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        if (root.Obj("message") is not { } message || message.Arr("content") is not { } blocks)
        {
            return false;
        }
        foreach (var block in blocks.EnumerateArray())
        {
            HandleAssistantBlock(block, line, sink);
        }
        if (message.Obj("usage") is { } usage && NormalizeUsage(usage) is { IsZero: false } tokens)
        {
            sink.Add(new UsageReported(tokens, Cumulative: false));
        }
        return true;
    }

    private void HandleAssistantBlock(JsonElement block, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        switch (block.Str("type"))
        {
            case "text":
                // An API failure is reported as the reply's text; it is the error, not an answer.
                if (block.Str("text") is { Length: > 0 } text)
                {
                    sink.Add(text.StartsWith(ApiErrorPrefix, StringComparison.Ordinal) ? new ErrorReported(text) : new AssistantMessage(text));
                }
                break;
            case "thinking":
                if (block.Str("thinking") is { Length: > 0 } thinking)
                {
                    sink.Add(new Reasoning(thinking));
                }
                break;
            case "tool_use":
                HandleToolUse(block, sink);
                break;
            case var other:
                sink.Add(new UnknownEvent($"assistant:{other}", Encoding.UTF8.GetString(line)));
                break;
        }
    }

    private void HandleToolUse(JsonElement block, List<AgentEvent> sink)
    {
        var id = block.Str("id") ?? "";
        var name = block.Str("name") ?? "unknown";
        var input = block.Prop("input");
        if (name == QwenApprovalFlags.ShellTool)
        {
            var command = input?.Str("command") ?? "";
            _pendingTools[id] = new QwenToolUse(name, Command: command);
            sink.Add(new CommandStarted(id, command));
            return;
        }

        var path = IsFileTool(name) ? input?.Str("file_path") ?? input?.Str("notebook_path") : null;
        _pendingTools[id] = new QwenToolUse(name, Path: path);
        sink.Add(new ToolCall(id, name, input?.GetRawText() ?? ""));
    }

    private bool HandleUser(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Obj("message") is not { } message)
        {
            return false;
        }
        if (message.Arr("content") is not { } blocks)
        {
            return true;
        }
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.Str("type") == "tool_result")
            {
                HandleToolResult(block, sink);
            }
        }
        return true;
    }

    private void HandleToolResult(JsonElement block, List<AgentEvent> sink)
    {
        var id = block.Str("tool_use_id") ?? "";
        var isError = block.Flag("is_error");
        var output = ClaudeStreamParser.TextOf(block.Prop("content"));
        _pendingTools.Remove(id, out var use);
        var denied = isError && QwenShellResult.IsDenial(output);
        if (denied && _reportedDenials.Add(id))
        {
            sink.Add(new PermissionDenied(use?.Name ?? "unknown", output));
        }

        if (use is { Name: QwenApprovalFlags.ShellTool })
        {
            // A refused command never ran: no exit code.
            var result = denied ? new QwenShellResult(output, null) : QwenShellResult.Parse(output, isError);
            sink.Add(new CommandExecuted(id, use.Command ?? "", result.Output, result.ExitCode));
        }
        else if (use is { Path: { } path } && IsFileTool(use.Name) && !isError)
        {
            sink.Add(new FileChanged(id, [new FileChange(path, ChangeKind(use.Name, output))], Succeeded: true));
        }
        else
        {
            sink.Add(new ToolResult(id, use?.Name ?? "unknown", output, isError));
        }
    }

    private static bool IsFileTool(string name) => name is "write_file" or "edit" or "notebook_edit";

    // write_file says "Successfully created and wrote to new file: ..." for a new file.
    private static string ChangeKind(string tool, string output) =>
        tool == "write_file" && output.Contains("created", StringComparison.OrdinalIgnoreCase) ? "add" : "update";
}
