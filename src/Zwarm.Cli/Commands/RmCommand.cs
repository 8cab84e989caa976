using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm rm ID... | --stopped`: delete sessions (never a running one unless --force, which kills it first).</summary>
internal static class RmCommand
{
    public static Command Create(CommandActions actions)
    {
        var ids = new Argument<string[]>("ids") { Description = "Session ids or unique prefixes", Arity = ArgumentArity.ZeroOrMore };
        var stopped = new Option<bool>("--stopped") { Description = "Remove every stopped session (completed, failed, killed)" };
        var force = new Option<bool>("--force") { Description = "Kill a running session before removing it" };
        var discard = new Option<bool>("--discard-work") { Description = "Also remove isolated sessions whose branch is not merged (their work is lost)" };
        var json = JsonFlag.Create();
        var command = new Command("rm", "Delete sessions and their recorded output") { ids, stopped, force, discard, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var given = ctx.Get(ids) ?? [];
            var useStopped = ctx.Get(stopped);
            if (given.Length == 0 && !useStopped)
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids, or --stopped");
            }
            if (given.Length > 0 && useStopped)
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids or --stopped, not both");
            }
            var removed = new List<SessionChangeView>();
            if (useStopped)
            {
                foreach (var s in await ctx.Sessions.CleanAsync(olderThan: null, dryRun: false, ct))
                {
                    removed.Add(new SessionChangeView(s.Id, "removed", s.Status.ToName()));
                }
                CleanCommand.ReportSkipped(ctx);
            }
            else
            {
                // Resolve every id first: one bad id removes nothing.
                var resolved = given.Select(ctx.Sessions.Store.Resolve).Distinct().ToList();
                // ...and one session whose unmerged work would be lost removes nothing either.
                foreach (var id in resolved)
                {
                    await ctx.Sessions.CheckRemovableAsync(await ctx.Sessions.GetAsync(id, ct), ctx.Get(discard), ct);
                }
                foreach (var id in resolved)
                {
                    var meta = await ctx.Sessions.RemoveAsync(id, ctx.Get(force), ctx.Get(discard), ct);
                    removed.Add(new SessionChangeView(meta.Id, "removed", meta.Status.ToName()));
                }
            }
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, removed, CliJsonContext.Output.ListSessionChangeView);
            }
            else
            {
                foreach (var r in removed)
                {
                    ctx.Terminal.Out.WriteLine(ChangeReport.Removed(r.Id, r.Outcome ?? ""));
                }
                if (removed.Count == 0)
                {
                    ctx.Terminal.Note("nothing to remove");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
