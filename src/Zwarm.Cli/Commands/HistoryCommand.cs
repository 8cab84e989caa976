using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm history`: the events of an orchestrator instance (steps, tool calls, watcher verdicts, ...).</summary>
internal static class HistoryCommand
{
    public static Command Create(CommandActions actions)
    {
        var instance = new Option<string?>("--instance", "-i") { Description = "Instance id or prefix (default: the newest)" };
        var kind = new Option<string[]>("--kind", "-k")
        {
            Description = $"Only these kinds (repeatable or comma-separated): {string.Join(", ", EventKinds.All)}",
            AllowMultipleArgumentsPerToken = false,
        };
        var limit = new Option<int?>("--limit", "-n") { Description = "Only the last N events" };
        var json = JsonFlag.Create();
        var command = new Command("history", "Show the event log of an orchestrator instance") { instance, kind, limit, json };
        actions.Set(command, (ctx, ct) =>
        {
            var kinds = (ctx.Get(kind) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.Ordinal);
            if (kinds.FirstOrDefault(k => !EventKinds.All.Contains(k)) is { } unknown)
            {
                throw new ZwarmException(ErrorKind.Usage, $"--kind: unknown kind '{unknown}' (known: {string.Join(", ", EventKinds.All)})");
            }
            if (ctx.Get(limit) is < 1)
            {
                throw new ZwarmException(ErrorKind.Usage, "--limit must be at least 1");
            }
            var store = new InstanceStore(ctx.Zwarm.StateDirectory);
            var id = store.Resolve(ctx.Get(instance));
            var events = store.ReadEvents(id).Where(e => kinds.Count == 0 || kinds.Contains(e.Kind)).ToList();
            if (ctx.Get(limit) is { } n && events.Count > n)
            {
                events = events[^n..];
            }
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, events.Select(e => e.Data).ToList(), CliJsonContext.Output.ListJsonElement);
                return Task.FromResult(ExitCodes.Success);
            }
            if (events.Count == 0)
            {
                ctx.Terminal.Note($"no events for instance {id}" + (kinds.Count > 0 ? $" of kind {string.Join(", ", kinds)}" : ""));
                return Task.FromResult(ExitCodes.Success);
            }
            foreach (var e in events)
            {
                ctx.Terminal.Console.MarkupLine(EventFormat.Markup(e));
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
