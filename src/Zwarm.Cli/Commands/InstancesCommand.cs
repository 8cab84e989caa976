using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm instances`: every orchestrator run and pilot conversation (instance) with its status, steps, spend and task.</summary>
internal static class InstancesCommand
{
    public static Command Create(CommandActions actions)
    {
        var json = JsonFlag.Create();
        var command = new Command("instances", "List instances: runs of zwarm orchestrate and conversations of zwarm pilot") { json };
        actions.Set(command, (ctx, ct) =>
        {
            var (instances, problems) = new InstanceStore(ctx.Zwarm.StateDirectory).List();
            foreach (var problem in problems)
            {
                ctx.Terminal.Error($"skipped: {problem}");
            }
            var views = instances.Select(InstanceView.From).ToList();
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, views, CliJsonContext.Output.ListInstanceView);
                return Task.FromResult(ExitCodes.Success);
            }
            if (views.Count == 0)
            {
                ctx.Terminal.Note("no instances (start one with: zwarm orchestrate --task \"...\", or zwarm pilot)");
                return Task.FromResult(ExitCodes.Success);
            }
            var now = ctx.Zwarm.Time.GetUtcNow();
            var table = new Table().Border(TableBorder.Simple);
            foreach (var column in new[] { "ID", "KIND", "STATUS", "STEPS", "RUNS", "SESSIONS", "MODEL", "TOKENS", "COST", "AGE", "TASK" })
            {
                table.AddColumn(column);
            }
            foreach (var v in views)
            {
                table.AddRow(
                    $"[bold]{Markup.Escape(v.Id)}[/]",
                    Markup.Escape(v.Kind),
                    StatusMarkup(v.Status),
                    v.Steps.ToString(CultureInfo.InvariantCulture),
                    v.Runs.ToString(CultureInfo.InvariantCulture),
                    v.Sessions.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(v.Model),
                    Format.Tokens(v.InputTokens + v.OutputTokens),
                    Format.Cost(v.CostUsd),
                    Format.Age(Timestamps.FormatLocal(v.CreatedAt.ToLocalTime()), now),
                    Markup.Escape(Format.OneLine(v.Task, 60)));
            }
            ctx.Terminal.Console.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static string StatusMarkup(string status) => status switch
    {
        "running" => "[blue]running[/]",
        "completed" => "[green]completed[/]",
        "failed" or "aborted" => $"[red]{status}[/]",
        _ => $"[yellow]{Markup.Escape(status)}[/]",
    };
}
