// The one-glance `peek` view (status line, task, error, latest reply or latest activity), shared by `zwarm peek`
// and the REPL's `?` / `peek`.
using Spectre.Console;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class PeekRenderer
{
    private const int MaxLines = 12;

    public static PeekView Build(SessionService sessions, SessionMeta meta, DateTimeOffset now)
    {
        string? last;
        if (meta.Status.IsStopped())
        {
            last = meta.Messages.LastOrDefault(m => m.Role == "assistant")?.Content;
        }
        else
        {
            // While the turn runs, show its latest activity from the stream (bookkeeping steps are not activity).
            TrajectoryStep? latest = null;
            foreach (var e in sessions.ReadTurnEvents(meta, meta.Turn))
            {
                if (Trajectory.ToStep(e, meta.Turn) is { Kind: not ("conversation" or "usage") } step)
                {
                    latest = step;
                }
            }
            last = latest is null ? null : latest.Kind switch
            {
                "message" => latest.Text,
                "command" or "command_started" => "$ " + latest.Command,
                _ => $"{latest.Kind}: {latest.Text ?? latest.Tool}",
            };
        }
        var usage = meta.TokenUsage;
        return new PeekView(meta.Id, meta.Status.ToName(), meta.Turn, meta.Task, last, meta.Error,
            usage.GetValueOrDefault("input_tokens"), usage.GetValueOrDefault("output_tokens"), meta.CostUsd,
            Format.Age(meta.CreatedAt, now));
    }

    /// <param name="showCommand">How to ask for the full view in this interface ("zwarm show" or "show").</param>
    public static void Render(IAnsiConsole console, SessionMeta meta, PeekView view, string showCommand)
    {
        console.MarkupLine($"[bold]{Format.ShortId(meta.Id)}[/] {Format.StatusMarkup(meta.Status)}  turn {meta.Turn}  " +
            $"{TerminalText.Escape(meta.Adapter)}  {Format.Tokens(view.InputTokens + view.OutputTokens)} tokens  {Format.Cost(meta.CostUsd)}  {view.Age}");
        console.MarkupLine($"[grey]task:[/] {TerminalText.Escape(Format.OneLine(meta.Task, 200))}");
        if (meta.Error is not null)
        {
            console.MarkupLine($"[red]error:[/] {TerminalText.Escape(meta.Error)}");
        }
        if (string.IsNullOrWhiteSpace(view.LastMessage))
        {
            return;
        }
        var lines = view.LastMessage.TrimEnd().Split('\n');
        foreach (var line in lines.Take(MaxLines))
        {
            console.MarkupLine(TerminalText.Escape(line));
        }
        if (lines.Length > MaxLines)
        {
            console.MarkupLine($"[grey]... {lines.Length - MaxLines} more lines ({TerminalText.Escape(showCommand)} {Format.ShortId(meta.Id)})[/]");
        }
    }
}
