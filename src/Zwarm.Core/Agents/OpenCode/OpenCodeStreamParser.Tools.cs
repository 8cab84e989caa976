// opencode's tool_use events, written once a call is over. bash becomes a command (metadata.exit is its exit code),
// write/edit/apply_patch file changes, everything else a tool call with its result. A call refused by a permission
// arrives as state.status "error": "The user rejected permission ..." for an "ask" auto-rejected headless (the turn
// stops there, exit 0), "... a rule which prevents you ..." for a "deny" (the model is told and goes on).
using System.Text.Json;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.OpenCode;

internal sealed partial class OpenCodeStreamParser
{
    private bool HandleTool(JsonElement part, List<AgentEvent> sink)
    {
        if (part.Str("tool") is not { } tool || part.Obj("state") is not { } state)
        {
            return false;
        }
        var id = part.Str("callID") ?? part.Str("id") ?? "";
        var input = state.Obj("input");
        var failed = state.Str("status") == "error";
        var error = state.Str("error");
        if (failed && error is not null && Refusal(error) is { } rejected)
        {
            var what = input?.Str("command") ?? input?.Str("filePath") ?? state.Str("title");
            var message = what is null ? error : $"{what}: {error}";
            sink.Add(new PermissionDenied(tool, message));
            if (rejected)
            {
                sink.Add(new ErrorReported(
                    $"permission denied: opencode auto-rejected the {tool} call{(what is null ? "" : $" ({what})")}; a permission set to \"ask\" is refused in a headless run"));
            }
            return true;
        }
        var metadata = state.Obj("metadata");
        var output = metadata?.Str("output") ?? state.Str("output") ?? error ?? "";
        switch (tool)
        {
            case "bash":
                int? exit = metadata?.Prop("exit") is { ValueKind: JsonValueKind.Number } code && code.TryGetInt32(out var c) ? c : null;
                sink.Add(new CommandExecuted(id, input?.Str("command") ?? "", Cut(output), exit));
                return true;
            case "write" or "edit" when input?.Str("filePath") is { } path:
                var kind = tool == "edit" || metadata?.Flag("exists") == true ? "update" : "add";
                sink.Add(new FileChanged(id, [new FileChange(path, kind)], !failed));
                return true;
            case "apply_patch" or "patch" when PatchChanges(input?.Str("patchText")) is { Count: > 0 } changes:
                sink.Add(new FileChanged(id, changes, !failed));
                return true;
            default:
                sink.Add(new ToolCall(id, tool, input?.GetRawText() ?? "{}"));
                sink.Add(new ToolResult(id, tool, Cut(failed ? error ?? output : state.Str("output") ?? output), failed));
                return true;
        }
    }

    /// <summary>True for an auto-rejected "ask", false for a "deny" rule, null when the error is no refusal.</summary>
    private static bool? Refusal(string error) =>
        error.Contains("rejected permission", StringComparison.OrdinalIgnoreCase) ? true
        : error.Contains("prevents you from using", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    // "*** Add File: a.txt", "*** Update File: b.txt", "*** Delete File: c.txt" headers of the patch text.
    private static List<FileChange> PatchChanges(string? patch)
    {
        List<FileChange> changes = [];
        foreach (var line in (patch ?? "").Split('\n'))
        {
            foreach (var (marker, kind) in (ReadOnlySpan<(string, string)>)[("*** Add File: ", "add"), ("*** Update File: ", "update"), ("*** Delete File: ", "delete")])
            {
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    changes.Add(new FileChange(line[marker.Length..].Trim(), kind));
                }
            }
        }
        return changes;
    }
}
