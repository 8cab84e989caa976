// The values inside a Codex item: classifying "type", "status" and property names by their bytes, and reading the
// nested shapes (file_change changes, mcp_tool_call result, todo_list items).
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal sealed partial class CodexStreamParser
{
    private static CodexItemType ClassifyItem(ref Utf8JsonReader reader, out string? name)
    {
        name = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return CodexItemType.Missing;
        }
        if (reader.ValueTextEquals("command_execution"u8)) return CodexItemType.CommandExecution;
        if (reader.ValueTextEquals("agent_message"u8)) return CodexItemType.AgentMessage;
        if (reader.ValueTextEquals("reasoning"u8)) return CodexItemType.Reasoning;
        if (reader.ValueTextEquals("file_change"u8)) return CodexItemType.FileChange;
        if (reader.ValueTextEquals("mcp_tool_call"u8)) return CodexItemType.McpToolCall;
        if (reader.ValueTextEquals("web_search"u8)) return CodexItemType.WebSearch;
        if (reader.ValueTextEquals("todo_list"u8)) return CodexItemType.TodoList;
        if (reader.ValueTextEquals("error"u8)) return CodexItemType.Error;
        if (reader.ValueTextEquals("plan"u8)) return CodexItemType.Plan;
        if (reader.ValueTextEquals("collab_tool_call"u8)) return CodexItemType.CollabToolCall;
        name = reader.GetString();
        return CodexItemType.Unknown;
    }

    private static CodexItemStatus ClassifyStatus(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return CodexItemStatus.Missing;
        }
        if (reader.ValueTextEquals("completed"u8)) return CodexItemStatus.Completed;
        if (reader.ValueTextEquals("in_progress"u8)) return CodexItemStatus.InProgress;
        if (reader.ValueTextEquals("failed"u8)) return CodexItemStatus.Failed;
        if (reader.ValueTextEquals("declined"u8)) return CodexItemStatus.Declined;
        return CodexItemStatus.Other;
    }

    private static ItemFieldName ItemField(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) return ItemFieldName.Id;
        if (reader.ValueTextEquals("status"u8)) return ItemFieldName.Status;
        if (reader.ValueTextEquals("text"u8)) return ItemFieldName.Text;
        if (reader.ValueTextEquals("command"u8)) return ItemFieldName.Command;
        if (reader.ValueTextEquals("aggregated_output"u8)) return ItemFieldName.AggregatedOutput;
        if (reader.ValueTextEquals("exit_code"u8)) return ItemFieldName.ExitCode;
        if (reader.ValueTextEquals("changes"u8)) return ItemFieldName.Changes;
        if (reader.ValueTextEquals("server"u8)) return ItemFieldName.Server;
        if (reader.ValueTextEquals("tool"u8)) return ItemFieldName.Tool;
        if (reader.ValueTextEquals("arguments"u8)) return ItemFieldName.Arguments;
        if (reader.ValueTextEquals("result"u8)) return ItemFieldName.Result;
        if (reader.ValueTextEquals("error"u8)) return ItemFieldName.Error;
        if (reader.ValueTextEquals("query"u8)) return ItemFieldName.Query;
        if (reader.ValueTextEquals("items"u8)) return ItemFieldName.Items;
        if (reader.ValueTextEquals("message"u8)) return ItemFieldName.Message;
        if (reader.ValueTextEquals("prompt"u8)) return ItemFieldName.Prompt;
        return ItemFieldName.Other;
    }

    // file_change "changes": [{"path": "...", "kind": "add|update|delete"}]
    private static List<FileChange>? ReadChanges(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var changes = new List<FileChange>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? path = null, kind = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPath = reader.ValueTextEquals("path"u8);
                var isKind = !isPath && reader.ValueTextEquals("kind"u8);
                reader.Read();
                if (isPath) path = reader.ReadStringOrNull();
                else if (isKind) kind = reader.ReadStringOrNull();
                else reader.Skip();
            }
            if (path is not null)
            {
                changes.Add(new FileChange(path, kind ?? "update"));
            }
        }
        return changes;
    }

    // mcp_tool_call "result": {"content": [{"type": "text", "text": "..."}, ...], "structured_content": ...}.
    // The text blocks joined; the raw JSON when there are none (images, structured content only).
    private static string? ReadToolResult(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null ? null : reader.ReadAsText(json);
        }
        var start = (int)reader.TokenStartIndex;
        StringBuilder? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isContent = reader.ValueTextEquals("content"u8);
            reader.Read();
            if (!isContent || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isText = reader.ValueTextEquals("text"u8);
                    reader.Read();
                    if (isText && reader.ReadStringOrNull() is { } part)
                    {
                        text ??= new StringBuilder();
                        if (text.Length > 0)
                        {
                            text.Append('\n');
                        }
                        text.Append(part);
                    }
                    else if (!isText)
                    {
                        reader.Skip();
                    }
                }
            }
        }
        var end = (int)reader.BytesConsumed;
        return text?.ToString() ?? Encoding.UTF8.GetString(json[start..end]);
    }

    // todo_list "items": [{"text": "...", "completed": bool}] rendered as a checklist.
    private static string? ReadTodo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var text = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? entry = null;
            var done = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals("text"u8);
                var isDone = !isText && reader.ValueTextEquals("completed"u8);
                reader.Read();
                if (isText) entry = reader.ReadStringOrNull();
                else if (isDone) done = reader.TokenType == JsonTokenType.True;
                else reader.Skip();
            }
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(done ? "[x] " : "[ ] ").Append(entry);
        }
        return text.ToString();
    }

    private enum ItemFieldName
    {
        Other,
        Id,
        Status,
        Text,
        Command,
        AggregatedOutput,
        ExitCode,
        Changes,
        Server,
        Tool,
        Arguments,
        Result,
        Error,
        Query,
        Items,
        Message,
        Prompt,
    }
}
