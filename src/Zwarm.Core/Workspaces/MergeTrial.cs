// Tries a merge without touching any worktree or ref: `git merge-tree --write-tree` (git 2.38+) returns the merged
// tree, or the conflicted files. A --rebase trial needs more than a tree (git 2.39 has no merge-tree --merge-base),
// so it replays the commits in a scratch worktree that is removed afterwards.
namespace Zwarm.Core.Workspaces;

internal sealed class MergeTrial(GitRunner git)
{
    /// <summary>The tree of merging <paramref name="head"/> into <paramref name="target"/>; throws MergeConflictException on conflict.</summary>
    public async Task<string> TreeAsync(string repo, string target, string head, string conflictMessage,
        CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(repo,
            ["merge-tree", "--write-tree", "-z", "--name-only", "--no-messages", target, head], null, cancellationToken)
            .ConfigureAwait(false);
        var records = result.Output.Split('\0');
        if (result.ExitCode == 0)
        {
            return records[0].Trim();
        }
        if (result.ExitCode == 1)
        {
            var files = records.Skip(1).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            throw new MergeConflictException($"{conflictMessage} in: {string.Join(", ", files)}", files);
        }
        throw new ZwarmException(ErrorKind.State, $"cannot try the merge: {result.Message}");
    }

    /// <summary>The commit of <paramref name="head"/>'s commits replayed onto <paramref name="target"/>, made in a scratch worktree.</summary>
    public async Task<string> RebaseAsync(string repo, string scratchFolder, string target, string head, string conflictMessage,
        CancellationToken cancellationToken)
    {
        WorktreeLocation.EnsurePrivate(scratchFolder);
        var scratch = Path.Combine(scratchFolder, $".scratch-{Guid.NewGuid():N}"[..18]);
        await git.RunCheckedAsync(repo, ["worktree", "add", "--quiet", "--detach", scratch, head], new GitCall(AsZwarm: true),
            "cannot create a scratch worktree for the rebase", cancellationToken).ConfigureAwait(false);
        try
        {
            var rebase = await git.RunAsync(scratch, ["rebase", "--quiet", target], new GitCall(AsZwarm: true), cancellationToken)
                .ConfigureAwait(false);
            if (!rebase.Succeeded)
            {
                var files = await new RebaseResolution(git).ConflictedAsync(scratch, cancellationToken).ConfigureAwait(false);
                await git.RunAsync(scratch, ["rebase", "--abort"], new GitCall(AsZwarm: true), cancellationToken).ConfigureAwait(false);
                throw files.Count > 0
                    ? new MergeConflictException($"{conflictMessage} in: {string.Join(", ", files)}", files)
                    : new ZwarmException(ErrorKind.State, $"cannot rebase: {rebase.Message}");
            }
            return (await git.RunCheckedAsync(scratch, ["rev-parse", "HEAD"], null, "cannot read the rebased head",
                cancellationToken).ConfigureAwait(false)).Value;
        }
        finally
        {
            await git.RunAsync(repo, ["worktree", "remove", "--force", "--force", scratch], new GitCall(AsZwarm: true),
                CancellationToken.None).ConfigureAwait(false);
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
                await git.RunAsync(repo, ["worktree", "prune"], null, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
