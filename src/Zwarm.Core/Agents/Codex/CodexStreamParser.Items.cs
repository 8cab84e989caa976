// Codex thread items (agent_message, reasoning, command_execution, file_change, mcp_tool_call, ...): reading one item
// object and turning it into normalized events.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal sealed partial class CodexStreamParser
{
    /// <summary>
    /// Reads the item object the reader is on; <paramref name="json"/> is the span the reader reads. Command output,
    /// tool results and reasoning (when "type" came first) are cut to <paramref name="bulkLimit"/> characters.
    /// </summary>
    private static CodexItem ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, CodexEventType eventType, int? bulkLimit)
    {
        var item = default(CodexItem);
        // The output of a running command is always empty; skip decoding it for "started" events.
        var wantOutput = eventType == CodexEventType.ItemCompleted;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                item.Type = ClassifyItem(ref reader, out item.TypeName);
                continue;
            }

            // Property names are compared before moving to the value, as the reader can only look at one token.
            var name = ItemField(ref reader);
            reader.Read();
            switch (name)
            {
                case ItemFieldName.Id: item.Id = reader.ReadStringOrNull(); break;
                case ItemFieldName.Status: item.Status = ClassifyStatus(ref reader); break;
                case ItemFieldName.Text:
                    item.Text = reader.ReadStringOrNull(item.Type == CodexItemType.Reasoning ? bulkLimit : null);
                    break;
                case ItemFieldName.Command: item.Command = reader.ReadStringOrNull(); break;
                case ItemFieldName.AggregatedOutput when wantOutput: item.Output = reader.ReadStringOrNull(bulkLimit); break;
                case ItemFieldName.ExitCode: item.ExitCode = (int?)reader.ReadInt64OrNull(); break;
                case ItemFieldName.Changes: item.Changes = ReadChanges(ref reader); break;
                case ItemFieldName.Server: item.Server = reader.ReadStringOrNull(); break;
                case ItemFieldName.Tool: item.Tool = reader.ReadStringOrNull(); break;
                case ItemFieldName.Arguments: item.Arguments = reader.ReadAsText(json); break;
                case ItemFieldName.Result when wantOutput: item.ResultText = Cut(ReadToolResult(ref reader, json), bulkLimit); break;
                case ItemFieldName.Error: item.ErrorMessage = ReadErrorMessage(ref reader); break;
                case ItemFieldName.Query: item.Query = reader.ReadStringOrNull(); break;
                case ItemFieldName.Items: item.Todo = ReadTodo(ref reader); break;
                case ItemFieldName.Message: item.Message = reader.ReadStringOrNull(); break;
                case ItemFieldName.Prompt: item.Prompt = reader.ReadStringOrNull(); break;
                default: reader.Skip(); break;
            }
        }
        return item;
    }

    private void EmitItem(CodexEventType eventType, ref CodexItem item, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        var id = item.Id ?? "";
        if (eventType == CodexEventType.ItemStarted)
        {
            switch (item.Type)
            {
                case CodexItemType.CommandExecution:
                    _openItems.Add(id);
                    sink.Add(new CommandStarted(id, ShellWrapper.Unwrap(item.Command ?? "")));
                    break;
                case CodexItemType.McpToolCall or CodexItemType.CollabToolCall:
                    _openItems.Add(id);
                    sink.Add(new ToolCall(id, ToolName(ref item), ToolInput(ref item)));
                    break;
            }
            // Other items are reported once, when they complete.
            return;
        }

        switch (item.Type)
        {
            case CodexItemType.AgentMessage or CodexItemType.Plan:
                _lastMessage = item.Text ?? "";
                sink.Add(new AssistantMessage(_lastMessage));
                break;

            case CodexItemType.Reasoning:
                sink.Add(new Reasoning(item.Text ?? ""));
                break;

            case CodexItemType.CommandExecution:
                var command = ShellWrapper.Unwrap(item.Command ?? "");
                if (!_openItems.Remove(id))
                {
                    sink.Add(new CommandStarted(id, command));
                }
                if (item.Status == CodexItemStatus.Declined)
                {
                    // Refused by the approval policy: it never ran, so there is no exit code.
                    sink.Add(new PermissionDenied("shell", $"command declined: {command}"));
                    sink.Add(new CommandExecuted(id, command, item.Output ?? "", null));
                }
                else
                {
                    sink.Add(new CommandExecuted(id, command, item.Output ?? "", item.ExitCode));
                }
                break;

            case CodexItemType.FileChange:
                sink.Add(new FileChanged(id, (IReadOnlyList<FileChange>?)item.Changes ?? [],
                    Succeeded: item.Status == CodexItemStatus.Completed));
                break;

            case CodexItemType.McpToolCall or CodexItemType.CollabToolCall:
                var toolName = ToolName(ref item);
                if (!_openItems.Remove(id))
                {
                    sink.Add(new ToolCall(id, toolName, ToolInput(ref item)));
                }
                var failed = item.Status == CodexItemStatus.Failed || item.ErrorMessage is not null;
                sink.Add(new ToolResult(id, toolName, item.ErrorMessage ?? item.ResultText ?? "", failed));
                break;

            case CodexItemType.WebSearch:
                sink.Add(new ToolCall(id, "web_search", item.Query ?? ""));
                break;

            case CodexItemType.TodoList:
                sink.Add(new ToolCall(id, "todo_list", item.Todo ?? ""));
                break;

            case CodexItemType.Error:
                var text = item.Message ?? item.Text ?? "unknown error";
                sink.Add(new ErrorReported(text, CodexWarnings.IsHarmless(text)));
                break;

            default:
                sink.Add(new UnknownEvent($"item.completed:{item.TypeName}", Encoding.UTF8.GetString(line)));
                break;
        }
    }

    // Tool results are assembled from parts, so they are cut after reading (they are rarely the bulk of a file).
    private static string? Cut(string? text, int? limit) =>
        text is not null && limit is { } max && text.Length > max ? text[..max] : text;

    // MCP tools get Claude Code's naming (mcp__server__tool) so both adapters name the same tool the same way.
    private static string ToolName(ref CodexItem item) => item.Type == CodexItemType.McpToolCall
        ? $"mcp__{item.Server}__{item.Tool}"
        : item.Tool ?? "collab";

    private static string ToolInput(ref CodexItem item) => item.Type == CodexItemType.McpToolCall
        ? item.Arguments ?? ""
        : item.Prompt ?? "";
}
