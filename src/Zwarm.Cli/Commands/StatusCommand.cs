using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm status`: an instance (orchestrator run or pilot conversation; the newest by default) with its sessions as they are now.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandActions actions)
    {
        var instance = new Option<string?>("--instance", "-i") { Description = "Instance id or prefix (default: the newest)" };
        var json = JsonFlag.Create();
        var command = new Command("status", "Show an instance (orchestrator run or pilot conversation) and its sessions") { instance, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var store = new InstanceStore(ctx.Zwarm.StateDirectory);
            var state = store.LoadOrThrow(store.Resolve(ctx.Get(instance)));
            var listing = await ctx.Sessions.ListAsync(ct);
            var sessions = listing.Sessions.Where(s => s.Source == state.Source).ToList();
            var view = new StatusView(InstanceView.From(state), state.Summary, sessions, sessions.Sum(s => s.InputTokens + s.OutputTokens),
                sessions.Sum(s => s.CostUsd ?? 0m), store.Directory(state.Id));
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, view, CliJsonContext.Output.StatusView);
                return ExitCodes.Success;
            }
            var i = view.Instance;
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string k, string v) => grid.AddRow($"[grey]{k}[/]", v);
            Row("instance", $"[bold]{TerminalText.Escape(i.Id)}[/]  {TerminalText.Escape(i.Kind)}  {InstancesCommand.StatusMarkup(i.Status)}");
            Row("task", TerminalText.Escape(Format.OneLine(i.Task, 300)));
            Row("model", TerminalText.Escape($"{i.Provider} {i.Model}"));
            Row("steps", TerminalText.Escape($"{Format.Count(i.Steps, "step")} over {Format.Count(i.Runs, "run")}"));
            Row("spend", TerminalText.Escape($"orchestrator {Format.Tokens(i.InputTokens + i.OutputTokens)} tokens {Format.Cost(i.CostUsd)} · " +
                $"sessions {Format.Tokens(view.SessionTokens)} tokens {Format.Cost(view.SessionCostUsd)}"));
            if (i.StopReason is { } reason && i.Status != "running")
            {
                Row("stopped", TerminalText.Escape(Format.OneLine(reason, 300)));
            }
            Row("directory", TerminalText.Escape(view.InstanceDir));
            ctx.Terminal.Console.Write(grid);
            if (sessions.Count > 0)
            {
                ctx.Terminal.Console.Write(SessionTable.Build(sessions, ctx.Zwarm.Time.GetUtcNow()));
            }
            else
            {
                ctx.Terminal.Note("no sessions yet");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
