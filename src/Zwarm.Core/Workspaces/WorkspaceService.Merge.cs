// `zwarm merge`: brings a stopped session's branch into the branch checked out in the user's tree (or --into). The
// result is computed off-tree first (merge-tree, or a rebase in a scratch worktree); only a clean result reaches the
// user's tree, and then as a fast-forward of a clean checkout, so no MERGE_HEAD and no conflict marker ever lands there.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed partial class WorkspaceService
{
    public async Task<MergeOutcome> MergeAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        var (meta, workspace) = await LoadAsync(request.Session, cancellationToken).ConfigureAwait(false);
        var shortId = SessionService.ShortId(meta.Id);
        RequireStopped(meta, "merge it");
        await RequireNoResolveAsync(meta, workspace, cancellationToken).ConfigureAwait(false);
        await RequireCommittedAsync(meta, workspace, cancellationToken).ConfigureAwait(false);
        var head = await BranchHeadAsync(workspace, cancellationToken).ConfigureAwait(false);
        var target = await TargetAsync(workspace, request.Into, cancellationToken).ConfigureAwait(false);
        var strategy = request.Strategy switch
        {
            MergeStrategy.NoFastForward => "no-ff",
            MergeStrategy.Squash => "squash",
            MergeStrategy.Rebase => "rebase",
            _ => "merge",
        };

        if (await IsAncestorAsync(workspace.Repo, head, target.Sha, cancellationToken).ConfigureAwait(false))
        {
            return new MergeOutcome(meta.Id, workspace.Branch, target.Branch, target.Worktree, target.Sha, target.Sha, true, strategy);
        }
        var conflict = $"merging session {shortId} ({workspace.Branch}) into {target.Branch} would conflict; nothing was changed. " +
                       $"Let the agent resolve it: zwarm merge {shortId} --resolve, then zwarm merge {shortId} again. Conflicts";
        var trial = new MergeTrial(_git);
        var message = request.Message ?? $"zwarm: merge {workspace.Branch} (session {shortId}): {FirstLine(meta.Task)}";
        string result;
        var fastForward = await IsAncestorAsync(workspace.Repo, target.Sha, head, cancellationToken).ConfigureAwait(false);
        switch (request.Strategy)
        {
            case MergeStrategy.Merge when fastForward:
                result = head;
                break;
            case MergeStrategy.Rebase:
                result = fastForward
                    ? head
                    : await trial.RebaseAsync(workspace.Repo, Path.GetDirectoryName(workspace.Worktree)!, target.Sha, head,
                        conflict, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var tree = await trial.TreeAsync(workspace.Repo, target.Sha, head, conflict, cancellationToken).ConfigureAwait(false);
                List<string> parents = request.Strategy == MergeStrategy.Squash ? ["-p", target.Sha] : ["-p", target.Sha, "-p", head];
                if (request.Strategy == MergeStrategy.Squash && request.Message is null)
                {
                    message = $"{FirstLine(meta.Task)}\n\nzwarm session {shortId}, branch {workspace.Branch}";
                }
                result = (await _git.RunCheckedAsync(workspace.Repo, ["commit-tree", tree, .. parents, "-m", message],
                    new GitCall(AsZwarm: true), "cannot write the merge commit", cancellationToken).ConfigureAwait(false)).Value;
                break;
        }

        await MoveTargetAsync(target, result, cancellationToken).ConfigureAwait(false);
        await RecordAsync(meta.Id, w => w with
        {
            Merges = [.. w.Merges, new WorkspaceMerge { Strategy = strategy, Head = head, Into = target.Branch, Commit = result, At = Now() }],
        }, cancellationToken).ConfigureAwait(false);
        return new MergeOutcome(meta.Id, workspace.Branch, target.Branch, target.Worktree, target.Sha, result, false, strategy);
    }

    /// <summary>The branch to merge into, its commit, and the worktree it is checked out in (which must be clean).</summary>
    private async Task<MergeTarget> TargetAsync(SessionWorkspace workspace, string? into, CancellationToken cancellationToken)
    {
        var branch = into;
        if (branch is null)
        {
            var current = await _git.RunAsync(workspace.Repo, ["symbolic-ref", "--quiet", "--short", "HEAD"], null, cancellationToken)
                .ConfigureAwait(false);
            branch = current.Succeeded
                ? current.Value
                : throw new ZwarmException(ErrorKind.Conflict, $"HEAD is detached in {workspace.Repo}; name the branch to merge into with --into");
        }
        if (branch == workspace.Branch)
        {
            throw new ZwarmException(ErrorKind.Usage, $"cannot merge {branch} into itself");
        }
        var sha = await RepositoryProbe.ResolveCommitAsync(_git, workspace.Repo, "refs/heads/" + branch, cancellationToken)
            .ConfigureAwait(false) ?? throw new ZwarmException(ErrorKind.NotFound, $"no branch '{branch}' in {workspace.Repo}");
        var worktrees = await WorktreeList.ReadAsync(_git, workspace.Repo, cancellationToken).ConfigureAwait(false);
        var checkedOut = worktrees.FirstOrDefault(w => w.Branch == "refs/heads/" + branch && !w.Bare);
        if (checkedOut is not null)
        {
            if (!Directory.Exists(checkedOut.Path))
            {
                throw new ZwarmException(ErrorKind.Conflict, $"{branch} is checked out in {checkedOut.Path}, which is missing (git worktree prune)");
            }
            var dirty = await RepositoryProbe.UncommittedAsync(_git, checkedOut.Path, cancellationToken).ConfigureAwait(false);
            if (dirty.Count > 0)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"{checkedOut.Path} has uncommitted changes ({string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", ..." : "")}); commit or stash them first");
            }
            if (await InProgressAsync(checkedOut.Path, cancellationToken).ConfigureAwait(false) is { } operation)
            {
                throw new ZwarmException(ErrorKind.Conflict, $"{checkedOut.Path} is in the middle of a {operation}; finish or abort it first");
            }
        }
        return new MergeTarget(branch, sha, checkedOut?.Path, workspace.Repo);
    }

    /// <summary>Points the target at <paramref name="commit"/>: a fast-forward of its clean checkout, or a ref update.</summary>
    private async Task MoveTargetAsync(MergeTarget target, string commit, CancellationToken cancellationToken)
    {
        if (target.Worktree is { } checkout)
        {
            var merged = await _git.RunAsync(checkout, ["merge", "--ff-only", "--quiet", commit], new GitCall(AsZwarm: true),
                cancellationToken).ConfigureAwait(false);
            if (!merged.Succeeded)
            {
                throw new ZwarmException(ErrorKind.Conflict, $"cannot update {checkout}: {merged.Message}; nothing was changed");
            }
            return;
        }
        await _git.RunCheckedAsync(target.Repo, ["update-ref", "refs/heads/" + target.Branch, commit, target.Sha], null, $"cannot update {target.Branch}",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsAncestorAsync(string repo, string ancestor, string of, CancellationToken cancellationToken) =>
        (await _git.RunAsync(repo, ["merge-base", "--is-ancestor", ancestor, of], null, cancellationToken).ConfigureAwait(false))
        .ExitCode == 0;

    private async Task<string?> InProgressAsync(string worktree, CancellationToken cancellationToken)
    {
        foreach (var (name, operation) in new[] { ("MERGE_HEAD", "merge"), ("rebase-merge", "rebase"), ("rebase-apply", "rebase"), ("CHERRY_PICK_HEAD", "cherry-pick") })
        {
            var path = await _git.RunAsync(worktree, ["rev-parse", "--path-format=absolute", "--git-path", name], null, cancellationToken)
                .ConfigureAwait(false);
            if (path.Succeeded && Path.Exists(path.Value))
            {
                return operation;
            }
        }
        return null;
    }

    private async Task RequireNoResolveAsync(SessionMeta meta, SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        if (workspace.Resolve is not null
            || (Directory.Exists(workspace.Worktree) && await InProgressAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false) is not null))
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {SessionService.ShortId(meta.Id)} is resolving conflicts (a rebase is in progress in {workspace.Worktree}); " +
                $"zwarm merge {SessionService.ShortId(meta.Id)} --resolve asks its agent again");
        }
    }

    private sealed record MergeTarget(string Branch, string Sha, string? Worktree, string Repo);
}
