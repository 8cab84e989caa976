// Removing an isolated session's worktree and branch, never work that exists nowhere else: a branch whose head is not
// merged, or a worktree with uncommitted changes, is kept (and the removal refused) unless the caller discards it.
// "Merged": zwarm recorded merging or applying this head, or the head is already in the target branch, or the trees
// are equal (after --squash, --rebase or apply the head itself is not an ancestor of the target).
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

internal sealed class WorkspaceCleanup(GitRunner git)
{
    /// <summary>Why removing the workspace would lose work, or null when nothing would be lost.</summary>
    public async Task<string?> UnmergedWorkAsync(SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspace.Repo))
        {
            return null; // the repository is gone: there is nothing left to keep safe
        }
        if (Directory.Exists(workspace.Worktree))
        {
            var status = await git.RunAsync(workspace.Worktree,
                ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=normal"], null, cancellationToken)
                .ConfigureAwait(false);
            if (status.Succeeded && status.Records.Count > 0)
            {
                return $"its worktree {workspace.Worktree} has uncommitted changes";
            }
        }
        var head = await RepositoryProbe.ResolveCommitAsync(git, workspace.Repo, "refs/heads/" + workspace.Branch, cancellationToken)
            .ConfigureAwait(false);
        if (head is null || head == workspace.Base || workspace.Merges.Any(m => m.Head == head))
        {
            return null;
        }
        foreach (var target in new[] { workspace.BaseBranch, await CurrentBranchAsync(workspace.Repo, cancellationToken).ConfigureAwait(false) }
                     .Where(b => b is not null).Distinct())
        {
            var targetSha = await RepositoryProbe.ResolveCommitAsync(git, workspace.Repo, "refs/heads/" + target, cancellationToken)
                .ConfigureAwait(false);
            if (targetSha is null)
            {
                continue;
            }
            var ancestor = await git.RunAsync(workspace.Repo, ["merge-base", "--is-ancestor", head, targetSha], null, cancellationToken)
                .ConfigureAwait(false);
            var sameTree = await git.RunAsync(workspace.Repo, ["diff", "--quiet", head, targetSha, "--"], null, cancellationToken)
                .ConfigureAwait(false);
            if (ancestor.ExitCode == 0 || sameTree.ExitCode == 0)
            {
                return null;
            }
        }
        return $"its branch {workspace.Branch} is not merged";
    }

    /// <summary>Removes the worktree (if still there) and the branch.</summary>
    public async Task RemoveAsync(SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspace.Repo))
        {
            return;
        }
        await git.RunAsync(workspace.Repo, ["worktree", "remove", "--force", "--force", workspace.Worktree], new GitCall(AsZwarm: true),
            cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(workspace.Worktree))
        {
            Directory.Delete(workspace.Worktree, recursive: true);
        }
        await git.RunAsync(workspace.Repo, ["worktree", "prune"], null, cancellationToken).ConfigureAwait(false);
        await git.RunAsync(workspace.Repo, ["branch", "-D", workspace.Branch], new GitCall(AsZwarm: true), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<string?> CurrentBranchAsync(string repo, CancellationToken cancellationToken)
    {
        var current = await git.RunAsync(repo, ["symbolic-ref", "--quiet", "--short", "HEAD"], null, cancellationToken).ConfigureAwait(false);
        return current.Succeeded ? current.Value : null;
    }
}
