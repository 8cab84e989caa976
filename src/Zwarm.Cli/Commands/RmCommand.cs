using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm rm ID... | --stopped | --group G --except ID`: delete sessions, all named or none (never a running one unless --force, which kills it
/// first and also removes a damaged or half-made session folder).
/// </summary>
internal static class RmCommand
{
    public static Command Create(CommandActions actions)
    {
        var ids = new Argument<string[]>("ids") { Description = "Session ids or unique prefixes", Arity = ArgumentArity.ZeroOrMore };
        var stopped = new Option<bool>("--stopped") { Description = "Remove every stopped session (completed, failed, killed)" };
        var force = new Option<bool>("--force") { Description = "Kill a running session before removing it; also remove a damaged or half-made session folder" };
        var discard = new Option<bool>("--discard-work") { Description = "Also remove isolated sessions whose branch holds unmerged work (that work is lost)" };
        var group = new Option<string?>("--group") { Description = "With --except: the best-of-N group (spawn --attempts) whose other attempts to remove" };
        var except = new Option<string[]>("--except")
        {
            Description = "With --group: the attempt(s) to keep; every other attempt is removed WITH its unmerged work (that is the point)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var json = JsonFlag.Create();
        var command = new Command("rm", "Delete sessions and their recorded output (and an isolated session's worktree and branch)")
        {
            ids, stopped, force, discard, group, except, json,
        };
        SessionIdCompletion.Add(ids, actions);
        actions.Set(command, async (ctx, ct) =>
        {
            var given = ctx.Get(ids) ?? [];
            var useStopped = ctx.Get(stopped);
            var keep = ctx.Get(except) ?? [];
            var removed = new List<SessionChangeView>();
            if (ctx.Get(group) is not null || keep.Length > 0)
            {
                removed.AddRange(await GroupRemoval.RunAsync(ctx, ctx.Get(group), keep, given.Length > 0 || useStopped || ctx.Get(discard),
                    new RemovalOptions(ctx.Get(force), RemoveDamaged: ctx.Get(force)), ct));
            }
            else if (given.Length == 0 && !useStopped)
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids, or --stopped");
            }
            else if (given.Length > 0 && useStopped)
            {
                throw new ZwarmException(ErrorKind.Usage, "give session ids or --stopped, not both");
            }
            else if (useStopped)
            {
                foreach (var s in await ctx.Sessions.CleanAsync(olderThan: null, dryRun: false, ct))
                {
                    removed.Add(new SessionChangeView(s.Id, "removed", s.Status.ToName()));
                }
            }
            else
            {
                // All or nothing, decided under the sessions' locks (SessionRemoval).
                var options = new RemovalOptions(ctx.Get(force), RemoveDamaged: ctx.Get(force), DiscardWork: ctx.Get(discard));
                foreach (var r in await ctx.Sessions.Removal.RemoveAsync(given, options, ct))
                {
                    removed.Add(new SessionChangeView(r.Id, "removed", r.Meta?.Status.ToName() ?? "damaged"));
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
