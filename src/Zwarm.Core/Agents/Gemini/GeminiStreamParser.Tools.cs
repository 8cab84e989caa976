// Gemini CLI's tool_use / tool_result lines, paired by tool_id. run_shell_command becomes CommandStarted /
// CommandExecuted, a successful write_file / replace a FileChanged, every other tool a ToolCall / ToolResult.
//
// What the stream does not say: a shell command's exit code. Its tool_result carries the display output (stdout and
// stderr combined) and status "success" even for `exit 3`; only the functionResponse sent to the model has
// "Exit Code: N". So the exit code is recorded as unknown unless the output states one. A refusal by Gemini's policy
// engine (error.type policy_violation / permission_denied) is recorded as a PermissionDenied; a call of a tool the
// approval mode does not offer comes back as tool_not_registered and is recorded as a failed call, as Claude's
// "No such tool available" is.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Gemini;

internal sealed partial class GeminiStreamParser
{
    public const string ShellTool = "run_shell_command";

    private bool HandleToolUse(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Str("tool_id") is not { } id)
        {
            return false;
        }
        var name = root.Str("tool_name") ?? "unknown";
        var parameters = root.Prop("parameters");
        if (name == ShellTool)
        {
            var command = parameters?.Str("command") ?? "";
            _pendingTools[id] = new GeminiToolUse(name, Command: command);
            sink.Add(new CommandStarted(id, command));
            return true;
        }
        _pendingTools[id] = new GeminiToolUse(name, Path: IsFileTool(name) ? parameters?.Str("file_path") : null);
        sink.Add(new ToolCall(id, name, parameters?.GetRawText() ?? ""));
        return true;
    }

    private bool HandleToolResult(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Str("tool_id") is not { } id)
        {
            return false;
        }
        _pendingTools.Remove(id, out var use);
        var failed = root.Str("status") == "error";
        var error = root.Obj("error");
        var errorType = error?.Str("type");
        var output = root.Str("output") ?? (failed ? error?.Str("message") : null) ?? "";
        var name = use?.Name ?? ToolNameFromId(id);

        if (errorType is "policy_violation" or "permission_denied")
        {
            sink.Add(new PermissionDenied(name, error?.Str("message") ?? "permission denied"));
        }
        if (use is { Name: ShellTool })
        {
            sink.Add(new CommandExecuted(id, use.Command ?? "", output, ExitCodeIn(output)));
        }
        else if (use is { Path: { } path } && !failed)
        {
            sink.Add(new FileChanged(id, [new FileChange(path, "update")], Succeeded: true));
        }
        else
        {
            sink.Add(new ToolResult(id, name, output, failed));
        }
        return true;
    }

    private static bool IsFileTool(string name) => name is "write_file" or "replace";

    // Gemini CLI 0.61 names a call "<tool>__<model's call id>" (or "<tool>_<time>_<n>" when the model gave none).
    private static string ToolNameFromId(string id)
    {
        var cut = id.IndexOf("__", StringComparison.Ordinal);
        return cut > 0 ? id[..cut] : "unknown";
    }

    /// <summary>"Exit Code: N" in a shell result's text (what the model is told), or null: the stream rarely has it.</summary>
    internal static int? ExitCodeIn(string output) =>
        ExitCodePattern().Match(output) is { Success: true } match
        && int.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    [GeneratedRegex(@"^Exit Code: (-?\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExitCodePattern();
}
