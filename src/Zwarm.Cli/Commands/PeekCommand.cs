using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Events;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm peek ID`: a one-glance look at a session: status and its latest reply (or latest activity).</summary>
internal static class PeekCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var json = JsonFlag.Create();
        var command = new Command("peek", "Quick look: status and latest reply of a session") { id, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            string? last = null;
            if (meta.Status.IsStopped())
            {
                last = meta.Messages.LastOrDefault(m => m.Role == "assistant")?.Content;
            }
            else
            {
                // While the turn runs, show its latest activity from the stream.
                TrajectoryStep? latest = null;
                foreach (var e in ctx.Sessions.ReadTurnEvents(meta, meta.Turn))
                {
                    latest = Trajectory.ToStep(e, meta.Turn) ?? latest;
                }
                last = latest is null ? null : latest.Kind switch
                {
                    "message" => latest.Text,
                    "command" or "command_started" => "$ " + latest.Command,
                    _ => $"{latest.Kind}: {latest.Text ?? latest.Tool}",
                };
            }
            var usage = meta.TokenUsage;
            var view = new PeekView(meta.Id, meta.Status.ToName(), meta.Turn, meta.Task, last, meta.Error,
                usage.GetValueOrDefault("input_tokens"), usage.GetValueOrDefault("output_tokens"), meta.CostUsd,
                Format.Age(meta.CreatedAt, ctx.Zwarm.Time.GetUtcNow()));
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, view, CliJsonContext.Output.PeekView);
                return ExitCodes.Success;
            }
            var console = ctx.Terminal.Console;
            console.MarkupLine($"[bold]{Format.ShortId(meta.Id)}[/] {Format.StatusMarkup(meta.Status)}  turn {meta.Turn}  " +
                $"{Markup.Escape(meta.Adapter)}  {Format.Tokens(view.InputTokens + view.OutputTokens)} tokens  {Format.Cost(meta.CostUsd)}  {view.Age}");
            console.MarkupLine($"[grey]task:[/] {Markup.Escape(Format.OneLine(meta.Task, 200))}");
            if (meta.Error is not null)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(meta.Error)}");
            }
            if (!string.IsNullOrWhiteSpace(last))
            {
                var lines = last.TrimEnd().Split('\n');
                foreach (var line in lines.Take(12))
                {
                    console.MarkupLine(Markup.Escape(line));
                }
                if (lines.Length > 12)
                {
                    console.MarkupLine($"[grey]... {lines.Length - 12} more lines (zwarm show {Format.ShortId(meta.Id)})[/]");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
