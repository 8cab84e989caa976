// The tree of everything in a worktree right now (committed, staged, unstaged and new files; never ignored ones),
// written without touching the worktree's own index, refs or files: `git add -A` into a temporary GIT_INDEX_FILE
// seeded from a copy of the real index. So `diff` of a running session never races its agent.
namespace Zwarm.Core.Workspaces;

internal static class WorkspaceSnapshot
{
    /// <summary>The SHA of a tree holding the worktree's current state.</summary>
    public static async Task<string> TreeAsync(GitRunner git, string worktree, CancellationToken cancellationToken)
    {
        var indexPath = await git.RunCheckedAsync(worktree, ["rev-parse", "--path-format=absolute", "--git-path", "index"],
            null, $"cannot read the worktree {worktree}", cancellationToken).ConfigureAwait(false);
        var temp = Path.Combine(Path.GetTempPath(), $"zwarm-index-{Guid.NewGuid():N}");
        try
        {
            var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = temp };
            if (File.Exists(indexPath.Value))
            {
                // A copy keeps the cached file stats, so only files that changed are read again.
                File.Copy(indexPath.Value, temp);
            }
            else
            {
                await git.RunCheckedAsync(worktree, ["read-tree", "HEAD"], new GitCall(Environment: environment),
                    "cannot read the worktree's HEAD", cancellationToken).ConfigureAwait(false);
            }
            await git.RunCheckedAsync(worktree, ["add", "-A", "--", "."], new GitCall(Environment: environment),
                "cannot read the worktree's files", cancellationToken).ConfigureAwait(false);
            var tree = await git.RunCheckedAsync(worktree, ["write-tree"], new GitCall(Environment: environment),
                "cannot record the worktree's state", cancellationToken).ConfigureAwait(false);
            return tree.Value;
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".lock");
        }
    }
}
