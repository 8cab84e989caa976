// `zwarm merge ID --resolve`: when merging would conflict, rebase the session branch onto the target in the session's
// own worktree, leave the conflicted files there, and continue the session asking its agent to resolve them; the
// turn-end hook finishes the rebase. Then `zwarm merge ID` merges cleanly.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed partial class WorkspaceService
{
    public async Task<ResolveOutcome> ResolveAsync(string session, string? into, string? extraInstructions,
        CancellationToken cancellationToken)
    {
        var (meta, workspace) = await LoadAsync(session, cancellationToken).ConfigureAwait(false);
        var shortId = SessionService.ShortId(meta.Id);
        RequireStopped(meta, "resolve its conflicts");
        if (!Directory.Exists(workspace.Worktree))
        {
            throw new ZwarmException(ErrorKind.Conflict, $"the worktree of session {shortId} ({workspace.Worktree}) is missing");
        }
        var resolution = new RebaseResolution(_git);
        var checkpointer = new Checkpointer(_git, commitTurns: false);
        IReadOnlyList<string> files;
        string intoBranch;
        if (await checkpointer.RebaseInProgressAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false))
        {
            // A rebase is already stopped there (an earlier --resolve): ask the agent again about what is left.
            files = await resolution.ConflictedAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false);
            intoBranch = workspace.Resolve?.Into ?? into ?? "the target";
        }
        else
        {
            await RequireCommittedAsync(meta, workspace, cancellationToken).ConfigureAwait(false);
            var head = await BranchHeadAsync(workspace, cancellationToken).ConfigureAwait(false);
            var target = await TargetAsync(workspace, into, cancellationToken).ConfigureAwait(false);
            intoBranch = target.Branch;
            try
            {
                await new MergeTrial(_git).TreeAsync(workspace.Repo, target.Sha, head, "conflicts", cancellationToken).ConfigureAwait(false);
                return new ResolveOutcome(meta.Id, target.Branch, [], meta);
            }
            catch (MergeConflictException)
            {
                // The expected case: go on and rebase.
            }
            files = await resolution.StartAsync(workspace, target.Sha, cancellationToken).ConfigureAwait(false);
            var onto = target.Sha;
            if (files.Count == 0)
            {
                var rebased = await RecordAsync(meta.Id, w => w with { Base = onto }, cancellationToken).ConfigureAwait(false);
                return new ResolveOutcome(meta.Id, target.Branch, [], rebased);
            }
            await RecordAsync(meta.Id, w => w with
            {
                Resolve = new WorkspaceResolve { Into = intoBranch, Onto = onto, Files = files, StartedAt = Now() },
            }, cancellationToken).ConfigureAwait(false);
        }
        if (files.Count == 0)
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"a rebase is stopped in {workspace.Worktree} with no conflicted file; continue the session, or finish it there with git rebase --continue");
        }
        var message = ResolveMessage(intoBranch, files, extraInstructions);
        var continued = await _sessions.ContinueAsync(meta.Id, message, cancellationToken).ConfigureAwait(false);
        return new ResolveOutcome(meta.Id, intoBranch, files, continued);
    }

    internal static string ResolveMessage(string into, IReadOnlyList<string> files, string? extra)
    {
        var list = string.Join("\n", files.Select(f => "- " + f));
        var message = $"""
            zwarm is rebasing your branch onto `{into}` so it can be merged, and the rebase stopped with merge conflicts in:
            {list}

            Resolve them: edit each file so it keeps what both sides meant, and remove every conflict marker
            (lines starting with <<<<<<<, ======= or >>>>>>>). Only edit the files; do not run git commands: zwarm
            finishes the rebase when your turn ends.
            """;
        return string.IsNullOrWhiteSpace(extra) ? message : message + "\n\n" + extra.Trim();
    }
}
