using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
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
        SessionIdCompletion.Add(ids, actions, SessionPreference.Running);
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
            var views = results.Select(r => new SessionChangeView(r.Session.Id, r.Session.Status.ToName(), ChangeReport.Describe(r))).ToList();
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
                ChangeReport.WriteKilled(ctx.Terminal.Console, r);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
