// Claude's assistant and user lines: content blocks (text, thinking, tool_use) and the tool_result blocks that answer
// them, paired by tool_use_id. Bash becomes CommandStarted/CommandExecuted, the file-editing tools become FileChanged
// when they succeed, every other tool a ToolCall/ToolResult.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Claude;

internal sealed partial class ClaudeStreamParser
{
    private const string SyntheticModel = "<synthetic>";

    private bool HandleAssistant(JsonElement root, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        if (root.Obj("message") is not { } message)
        {
            return false;
        }

        // An API error dressed as a reply: its text is the error, not an answer.
        if (message.Str("model") == SyntheticModel || root.Flag("is_api_error_message") || root.Flag("isApiErrorMessage"))
        {
            var text = TextOf(message.Prop("content"));
            sink.Add(new ErrorReported(text.Length > 0 ? text : root.Str("error") ?? "API error"));
            return true;
        }

        switch (message.Prop("content"))
        {
            case { ValueKind: JsonValueKind.String } plain:
                sink.Add(new AssistantMessage(plain.GetString() ?? ""));
                return true;
            case { ValueKind: JsonValueKind.Array } blocks:
                foreach (var block in blocks.EnumerateArray())
                {
                    HandleAssistantBlock(block, line, sink);
                }
                return true;
            default:
                return false;
        }
    }

    private void HandleAssistantBlock(JsonElement block, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        switch (block.Str("type"))
        {
            case "text":
                if (block.Str("text") is { Length: > 0 } text)
                {
                    sink.Add(new AssistantMessage(text));
                }
                break;
            case "thinking":
                if (block.Str("thinking") is { Length: > 0 } thinking)
                {
                    sink.Add(new Reasoning(thinking));
                }
                break;
            case "redacted_thinking":
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
        if (name == "Bash")
        {
            var command = input?.Str("command") ?? "";
            _pendingTools[id] = new ClaudeToolUse(name, Command: command);
            sink.Add(new CommandStarted(id, command));
            return;
        }

        var path = IsFileTool(name) ? input?.Str("file_path") ?? input?.Str("notebook_path") : null;
        _pendingTools[id] = new ClaudeToolUse(name, Path: path);
        sink.Add(new ToolCall(id, name, input?.GetRawText() ?? ""));
    }

    private bool HandleUser(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Obj("message") is not { } message)
        {
            return false;
        }
        // A plain-string user message is the prompt echoed back (--replay-user-messages); nothing to record.
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
        var output = TextOf(block.Prop("content"));
        var denied = _denied.Remove(id);
        _pendingTools.Remove(id, out var use);

        if (use is { Name: "Bash" })
        {
            // A denied command never ran: no exit code. Otherwise Claude marks failures is_error with "Exit code N".
            int? exitCode = denied ? null : isError ? ParseExitCode(output) ?? 1 : 0;
            sink.Add(new CommandExecuted(id, use.Command ?? "", output, exitCode));
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

    private static bool IsFileTool(string name) => name is "Write" or "Edit" or "MultiEdit" or "NotebookEdit";

    // Write reports "File created successfully at: ..." for a new file and "The file ... has been updated" otherwise.
    private static string ChangeKind(string tool, string output) =>
        tool == "Write" && output.StartsWith("File created", StringComparison.OrdinalIgnoreCase) ? "add" : "update";

    // Claude's failed Bash result starts with "Exit code N".
    internal static int? ParseExitCode(string output)
    {
        const string prefix = "Exit code ";
        var text = output.AsSpan().TrimStart();
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var digits = text[prefix.Length..];
        var length = 0;
        while (length < digits.Length && (char.IsAsciiDigit(digits[length]) || (length == 0 && digits[0] == '-')))
        {
            length++;
        }
        return int.TryParse(digits[..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }

    // Content is either a string or a list of blocks; the text blocks joined by newlines.
    internal static string TextOf(JsonElement? content)
    {
        switch (content)
        {
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString() ?? "";
            case { ValueKind: JsonValueKind.Array } blocks:
                var joined = new StringBuilder();
                foreach (var block in blocks.EnumerateArray())
                {
                    var part = block.ValueKind == JsonValueKind.String ? block.GetString() : block.Str("text");
                    if (part is null)
                    {
                        continue;
                    }
                    if (joined.Length > 0)
                    {
                        joined.Append('\n');
                    }
                    joined.Append(part);
                }
                return joined.ToString();
            default:
                return "";
        }
    }
}
