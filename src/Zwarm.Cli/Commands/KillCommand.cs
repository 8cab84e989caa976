using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm kill ID | --all`: interrupt, wait, then kill the turn's whole process group. Only zwarm's own sessions.</summary>
internal static class KillCommand
{
    public static Command Create(CommandActions actions)
    {
        var ids = new Argument<string[]>("ids") { Description = "Session ids or unique prefixes", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Kill every running session of this state directory" };
        var json = JsonFlag.Create();
        var command = new Command("kill", "Stop running sessions (SIGINT, then SIGTERM, then SIGKILL of the process group)") { ids, all, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var given = ctx.Get(ids) ?? [];
            if (given.Length == 0 && !ctx.Get(all))
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids, or --all");
            }
            if (given.Length > 0 && ctx.Get(all))
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids or --all, not both");
            }
            IReadOnlyList<KillResult> results = ctx.Get(all)
                ? await ctx.Sessions.KillAllAsync(ct)
                : await Task.WhenAll(given.Select(id => ctx.Sessions.KillAsync(id, ct)));
            var views = results.Select(r => new SessionChangeView(r.Session.Id, r.Session.Status.ToName(), Describe(r.Outcome))).ToList();
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, views, CliJsonContext.Output.ListSessionChangeView);
                return ExitCodes.Success;
            }
            if (results.Count == 0)
            {
                ctx.Terminal.Note("no running sessions");
            }
            foreach (var r in results)
            {
                ctx.Terminal.Console.MarkupLine($"[bold]{Format.ShortId(r.Session.Id)}[/] {Format.StatusMarkup(r.Session.Status)} [grey]{Markup.Escape(Describe(r.Outcome))}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(KillOutcome outcome) => outcome switch
    {
        KillOutcome.NotRunning => "was not running",
        KillOutcome.Interrupted => "stopped by SIGINT",
        KillOutcome.Terminated => "stopped by SIGTERM",
        KillOutcome.Killed => "stopped by SIGKILL",
        _ => outcome.ToString(),
    };
}
