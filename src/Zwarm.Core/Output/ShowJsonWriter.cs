// `show --json`, written as it is read: {"session": meta.json, "turns": [{..., "messages": [...], "commands": n, ...}]}.
// The messages array is filled while the turn file streams by, so memory does not grow with the file.
using System.Text.Json;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Output;

public static class ShowJsonWriter
{
    public static void Write(Utf8JsonWriter writer, SessionService sessions, SessionMeta meta, IReadOnlyList<int> turns)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("session");
        JsonSerializer.Serialize(writer, meta, OutputJsonContext.Output.SessionMeta);
        writer.WriteStartArray("turns");
        foreach (var n in turns)
        {
            var turn = ShowTurn.From(meta, n);
            writer.WriteStartObject();
            writer.WriteNumber("turn", turn.Turn);
            writer.WriteString("prompt", turn.Prompt);
            writer.WriteString("status", turn.Status.ToName());
            WriteNumberOrNull(writer, "exit_code", turn.ExitCode);
            writer.WriteString("error", turn.Error);
            writer.WriteStartArray("messages");
            var counts = turn.Walk(sessions, meta, writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteNumber("commands", counts.Commands);
            writer.WriteNumber("file_changes", counts.FileChanges);
            writer.WriteNumber("tool_calls", counts.ToolCalls);
            writer.WritePropertyName("usage");
            if (turn.Usage is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, turn.Usage, OutputJsonContext.Output.TurnUsage);
            }
            if (turn.CostUsd is { } cost)
            {
                writer.WriteNumber("cost_usd", cost);
            }
            else
            {
                writer.WriteNull("cost_usd");
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
