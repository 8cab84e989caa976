// `merge --resolve`: rebase the session branch onto the merge target inside the session's own worktree, stop on the
// conflicts and leave them there for the agent (which only edits files: a sandboxed agent cannot write the linked
// worktree's git directory); when its turn ends, finish the rebase, or record what is still conflicted. The user's
// tree is never involved.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

internal sealed class RebaseResolution(GitRunner git)
{
    /// <summary>Starts the rebase; returns the conflicted files (empty when it went through without conflicts).</summary>
    public async Task<IReadOnlyList<string>> StartAsync(SessionWorkspace workspace, string onto, CancellationToken cancellationToken)
    {
        var rebase = await git.RunAsync(workspace.Worktree, ["rebase", "--quiet", onto], new GitCall(AsZwarm: true),
            cancellationToken).ConfigureAwait(false);
        if (rebase.Succeeded)
        {
            return [];
        }
        var conflicted = await ConflictedAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false);
        if (conflicted.Count == 0)
        {
            await git.RunAsync(workspace.Worktree, ["rebase", "--abort"], new GitCall(AsZwarm: true), cancellationToken)
                .ConfigureAwait(false);
            throw new ZwarmException(ErrorKind.State, $"cannot rebase {workspace.Branch} onto {onto}: {rebase.Message}");
        }
        return conflicted;
    }

    /// <summary>After the resolving turn: finish the rebase if the files are resolved, else record what is left.</summary>
    public async Task<SessionWorkspace> ContinueAsync(SessionMeta meta, SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        var resolve = workspace.Resolve ?? new WorkspaceResolve();
        var checkpointer = new Checkpointer(git, commitTurns: false);
        while (await checkpointer.RebaseInProgressAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false))
        {
            var unmerged = await ConflictedAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false);
            var still = unmerged.Where(f => ConflictMarkers.In(Path.Combine(workspace.Worktree, f))).ToList();
            if (still.Count > 0)
            {
                return workspace with
                {
                    Resolve = resolve with { Files = still },
                    Problem = $"the rebase onto {resolve.Into} is still conflicted in: {string.Join(", ", still)} " +
                              $"(zwarm merge {SessionService.ShortId(meta.Id)} --resolve to ask the agent again)",
                };
            }
            await git.RunCheckedAsync(workspace.Worktree, ["add", "-A", "--", "."], null, "cannot stage the resolved files",
                cancellationToken).ConfigureAwait(false);
            var next = await git.RunAsync(workspace.Worktree, ["rebase", "--continue"], new GitCall(AsZwarm: true),
                cancellationToken).ConfigureAwait(false);
            if (next.Succeeded)
            {
                break;
            }
            var again = await ConflictedAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false);
            if (again.Count == 0)
            {
                return workspace with { Problem = $"cannot continue the rebase onto {resolve.Into}: {next.Message}" };
            }
            return workspace with
            {
                Resolve = resolve with { Files = again },
                Problem = $"the rebase onto {resolve.Into} stopped again, with conflicts in: {string.Join(", ", again)} " +
                          $"(zwarm merge {SessionService.ShortId(meta.Id)} --resolve to ask the agent to resolve them)",
            };
        }
        // Done: the branch now starts from the target, so its changes are counted from there.
        var rebased = workspace with { Resolve = null, Base = string.IsNullOrEmpty(resolve.Onto) ? workspace.Base : resolve.Onto, Head = null };
        rebased = rebased with { Head = rebased.Base };
        return await checkpointer.RecordAsync(rebased, meta.Turn, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ConflictedAsync(string worktree, CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(worktree, ["diff", "--name-only", "--diff-filter=U", "-z"], null, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? result.Records.Distinct(StringComparer.Ordinal).ToList() : [];
    }
}
