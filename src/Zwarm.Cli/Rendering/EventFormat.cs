// One readable line per events.jsonl entry (for `zwarm history`), from the raw JSON so that kinds written by a
// newer zwarm still show.
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Rendering;

internal static class EventFormat
{
    public static string Markup(EventLine e)
    {
        var time = e.Ts?.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "--:--:--";
        var head = $"[grey]{time}[/] [grey]{e.Step,3}[/] {KindMarkup(e.Kind)} ";
        return head + TerminalText.Escape(Describe(e));
    }

    private static string KindMarkup(string kind)
    {
        var colour = kind switch
        {
            EventKinds.ToolCall or EventKinds.ToolResult => "cyan",
            EventKinds.Watcher or EventKinds.Nudge or EventKinds.Pause or EventKinds.StepLimit or EventKinds.Interrupted => "yellow",
            EventKinds.Abort or EventKinds.Error => "red",
            EventKinds.Exit or EventKinds.RunEnded => "green",
            EventKinds.StepStarted or EventKinds.UserMessage => "blue",
            EventKinds.TurnEnd or EventKinds.Rewind => "magenta",
            _ => "default",
        };
        return $"[{colour}]{TerminalText.Escape(kind.PadRight(12))}[/]";
    }

    private static string Describe(EventLine e)
    {
        var d = e.Data;
        return e.Kind switch
        {
            EventKinds.RunStarted => $"{S(d, "instance")} {S(d, "provider")} {S(d, "model")} max {N(d, "max_steps")} steps: {Format.OneLine(S(d, "task"), 120)}",
            EventKinds.Resumed => $"was {S(d, "previous_status")}, {N(d, "messages")} messages, model {S(d, "model")}" +
                (S(d, "new_instruction") is { Length: > 0 } i ? $"; new instruction: {Format.OneLine(i, 100)}" : ""),
            EventKinds.StepStarted => $"{N(d, "steps_left")} left · {N(d, "running")} running · {N(d, "stopped")} stopped · {N(d, "needs_attention")} need attention",
            EventKinds.LlmCall => $"{S(d, "model")} in {N(d, "input_tokens")} out {N(d, "output_tokens")} · {N(d, "tool_calls")} calls · {N(d, "duration_ms")} ms" +
                (S(d, "text") is { Length: > 0 } t ? $" · \"{Format.OneLine(t, 100)}\"" : ""),
            EventKinds.ToolCall => $"{S(d, "name")} {Format.OneLine(d.TryGetProperty("arguments", out var a) ? a.GetRawText() : "", 140)}",
            EventKinds.ToolResult => $"{S(d, "name")} {(B(d, "is_error") ? "ERROR " : "")}{Format.OneLine(S(d, "summary"), 140)}",
            EventKinds.Watcher => $"{S(d, "watcher")}: {S(d, "action")}" + (S(d, "message") is { Length: > 0 } m ? $" — {Format.OneLine(m, 120)}" : ""),
            EventKinds.Nudge => $"[{S(d, "watcher")}] {Format.OneLine(S(d, "message"), 140)}",
            EventKinds.Compaction => $"removed {N(d, "removed_messages")} messages, ~{N(d, "tokens_before")} -> ~{N(d, "tokens_after")} tokens",
            EventKinds.Pause or EventKinds.Abort => $"{S(d, "watcher")}: {Format.OneLine(S(d, "reason"), 140)}",
            EventKinds.Exit => Format.OneLine(S(d, "summary"), 160),
            EventKinds.StepLimit => $"limit {N(d, "max_steps")}",
            EventKinds.Interrupted => S(d, "reason") ?? "",
            EventKinds.Error => $"{S(d, "source")}: {Format.OneLine(S(d, "message"), 160)}",
            EventKinds.RunEnded => $"{S(d, "status")} after {N(d, "run_steps")} steps ({N(d, "total_steps")} in all)" +
                (S(d, "reason") is { Length: > 0 } r ? $": {Format.OneLine(r, 120)}" : ""),
            EventKinds.UserMessage => $"T{N(d, "turn")} you: {Format.OneLine(S(d, "text"), 140)}",
            EventKinds.TurnEnd => $"T{N(d, "turn")} {S(d, "end")} after {N(d, "turn_steps")} steps · {N(d, "messages")} messages",
            EventKinds.Rewind => $"T{N(d, "from")} -> T{N(d, "to")} ({N(d, "messages")} messages)",
            _ => Format.OneLine(d.GetRawText(), 160),
        };
    }

    private static string? S(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string N(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";

    private static bool B(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
