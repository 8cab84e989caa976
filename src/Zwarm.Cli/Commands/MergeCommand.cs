using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm merge ID [--squash|--rebase|--no-ff] [--into BRANCH] [-m MSG]`: bring a stopped isolated session's branch
/// into your checked-out branch, tried off-tree first (refused, changing nothing, if it would conflict).
/// `zwarm merge ID --resolve`: let the session's agent resolve those conflicts in its own worktree.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var squash = new Option<bool>("--squash") { Description = "One new commit holding all the session's changes" };
        var rebase = new Option<bool>("--rebase") { Description = "Replay the session's commits on the target" };
        var noFf = new Option<bool>("--no-ff") { Description = "Always make a merge commit" };
        var into = new Option<string?>("--into") { Description = "Branch to merge into (default: the one checked out where the session was spawned)" };
        var message = new Option<string?>("--message", "-m") { Description = "Commit message (with --resolve: extra instructions for the agent)" };
        var resolve = new Option<bool>("--resolve") { Description = "Rebase onto the target in the session's worktree and continue the session to resolve the conflicts" };
        var json = JsonFlag.Create();
        var command = new Command("merge", "Merge an isolated session's branch into your branch") { id, squash, rebase, noFf, into, message, resolve, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var chosen = new[] { ctx.Get(squash), ctx.Get(rebase), ctx.Get(noFf), ctx.Get(resolve) }.Count(b => b);
            if (chosen > 1)
            {
                throw new ZwarmException(ErrorKind.Usage, "choose one of --squash, --rebase, --no-ff and --resolve");
            }
            if (ctx.Get(resolve))
            {
                return await ResolveAsync(ctx, ctx.Get(id)!, ctx.Get(into), ctx.Get(message), ctx.Get(json), ct);
            }
            var strategy = ctx.Get(squash) ? MergeStrategy.Squash : ctx.Get(rebase) ? MergeStrategy.Rebase
                : ctx.Get(noFf) ? MergeStrategy.NoFastForward : MergeStrategy.Merge;
            var outcome = await ctx.Workspaces.MergeAsync(new MergeRequest(ctx.Get(id)!, strategy, ctx.Get(into), ctx.Get(message)), ct);
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, outcome, CliJsonContext.Output.MergeOutcome);
                return ExitCodes.Success;
            }
            ctx.Terminal.Note(outcome.AlreadyMerged
                ? $"{outcome.Branch} is already in {outcome.Into}; nothing to do"
                : $"merged {outcome.Branch} into {outcome.Into} ({outcome.Strategy}): {Short(outcome.Before)} -> {Short(outcome.After)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> ResolveAsync(CommandContext ctx, string id, string? into, string? extra, bool json,
        CancellationToken ct)
    {
        var outcome = await ctx.Workspaces.ResolveAsync(id, into, extra, ct);
        if (json)
        {
            JsonOutput.Write(ctx.Terminal, new ResolveView(outcome.Session, outcome.Into, outcome.Files,
                outcome.Meta.Status.ToName(), outcome.Meta.Turn), CliJsonContext.Output.ResolveView);
            return ExitCodes.Success;
        }
        var shortId = Format.ShortId(outcome.Session);
        ctx.Terminal.Note(outcome.Files.Count == 0
            ? $"nothing to resolve: session {shortId} merges into {outcome.Into} cleanly now (zwarm merge {shortId})"
            : $"rebasing onto {outcome.Into} stopped on conflicts in {string.Join(", ", outcome.Files)}; turn {outcome.Meta.Turn} of session {shortId} " +
              $"is resolving them (zwarm wait {shortId}, then zwarm merge {shortId})");
        return ExitCodes.Success;
    }

    private static string Short(string sha) => sha.Length > 10 ? sha[..10] : sha;
}
