using System.CommandLine;
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
        var wide = WideFlag.Create();
        var command = new Command("instances", "List instances: runs of zwarm orchestrate and conversations of zwarm pilot") { json, wide };
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
            ctx.Terminal.Console.Write(InstanceTable.Build(views, ctx.Zwarm.Time.GetUtcNow(), ctx.Get(wide)));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static string StatusMarkup(string status) => status switch
    {
        "running" => "[blue]running[/]",
        "completed" => "[green]completed[/]",
        "failed" or "aborted" => $"[red]{status}[/]",
        _ => $"[yellow]{TerminalText.Escape(status)}[/]",
    };
}
