// The per-turn checkpoint: one commit "zwarm: turn N: <first line of the prompt>" on the session branch holding
// everything the agent left (tracked, new and deleted files; never ignored ones). The agent's own commits stay as
// they are; a turn that changed nothing adds no commit. The line counts `ls` shows are recorded here, once per turn.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

internal sealed class Checkpointer(GitRunner git, bool commitTurns)
{
    public async Task<SessionWorkspace> AfterTurnAsync(SessionMeta meta, SessionWorkspace workspace,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspace.Worktree))
        {
            return workspace with
            {
                Problem = $"the worktree {workspace.Worktree} is missing (removed by hand?); turn {meta.Turn} was not checkpointed",
            };
        }
        if (workspace.Resolve is not null || await RebaseInProgressAsync(workspace.Worktree, cancellationToken).ConfigureAwait(false))
        {
            return await new RebaseResolution(git).ContinueAsync(meta, workspace, cancellationToken).ConfigureAwait(false);
        }
        var onBranch = await git.RunAsync(workspace.Worktree, ["symbolic-ref", "--quiet", "HEAD"], null, cancellationToken)
            .ConfigureAwait(false);
        if (onBranch.Value != "refs/heads/" + workspace.Branch)
        {
            return workspace with
            {
                Problem = $"the worktree is not on branch {workspace.Branch} any more ({(onBranch.Succeeded ? onBranch.Value : "detached HEAD")}); turn {meta.Turn} was not checkpointed",
            };
        }
        string? commit = null;
        if (commitTurns)
        {
            commit = await CommitAsync(workspace.Worktree, Message(meta), cancellationToken).ConfigureAwait(false);
        }
        return await RecordAsync(workspace, meta.Turn, commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the branch head after turn <paramref name="turn"/> and the line counts against the base.</summary>
    public async Task<SessionWorkspace> RecordAsync(SessionWorkspace workspace, int turn, string? commit,
        CancellationToken cancellationToken)
    {
        var head = (await git.RunCheckedAsync(workspace.Worktree, ["rev-parse", "HEAD"], null, "cannot read the branch head",
            cancellationToken).ConfigureAwait(false)).Value;
        var previous = workspace.Head ?? workspace.Base;
        var turnStat = await DiffStat.ComputeAsync(git, workspace.Worktree, previous, head, cancellationToken).ConfigureAwait(false);
        var total = await DiffStat.ComputeAsync(git, workspace.Worktree, workspace.Base, head, cancellationToken).ConfigureAwait(false);
        var checkpoint = new TurnCheckpoint
        {
            Turn = turn,
            Head = head,
            Previous = previous,
            Commit = commit,
            Added = turnStat.Added,
            Removed = turnStat.Removed,
            FilesChanged = turnStat.Files,
        };
        return workspace with
        {
            Head = head,
            Added = total.Added,
            Removed = total.Removed,
            FilesChanged = total.Files,
            TurnCommits = [.. workspace.TurnCommits.Where(t => t.Turn != turn), checkpoint],
            Problem = null,
        };
    }

    /// <summary>Commits everything in the worktree; null when nothing changed.</summary>
    private async Task<string?> CommitAsync(string worktree, string message, CancellationToken cancellationToken)
    {
        await git.RunCheckedAsync(worktree, ["add", "-A", "--", "."], null, "cannot stage the turn's changes", cancellationToken)
            .ConfigureAwait(false);
        var changed = await git.RunAsync(worktree, ["diff", "--cached", "--quiet", "HEAD", "--"], null, cancellationToken)
            .ConfigureAwait(false);
        if (changed.ExitCode == 0)
        {
            // Nothing new to commit. If this turn's checkpoint is already the head (an earlier finalisation made
            // it, then was interrupted before meta.json was written), it is still this turn's commit.
            var head = await git.RunAsync(worktree, ["log", "-1", "--format=%H%x00%ae%x00%s", "HEAD"], null, cancellationToken)
                .ConfigureAwait(false);
            var parts = head.Succeeded ? head.Value.Split('\0') : [];
            return parts.Length == 3 && parts[1] == "zwarm@localhost" && parts[2] == message ? parts[0] : null;
        }
        await git.RunCheckedAsync(worktree, ["commit", "--quiet", "--no-verify", "--allow-empty-message", "-m", message],
            new GitCall(AsZwarm: true), "cannot commit the turn's changes", cancellationToken).ConfigureAwait(false);
        return (await git.RunCheckedAsync(worktree, ["rev-parse", "HEAD"], null, "cannot read the new commit", cancellationToken)
            .ConfigureAwait(false)).Value;
    }

    internal static string Message(SessionMeta meta)
    {
        var prompt = meta.CurrentTurn?.Prompt ?? meta.Task;
        var line = prompt.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "";
        if (line.Length > 72)
        {
            line = line[..69] + "...";
        }
        return $"zwarm: turn {meta.Turn}: {line}";
    }

    internal async Task<bool> RebaseInProgressAsync(string worktree, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "rebase-merge", "rebase-apply" })
        {
            var path = await git.RunAsync(worktree, ["rev-parse", "--path-format=absolute", "--git-path", name], null,
                cancellationToken).ConfigureAwait(false);
            if (path.Succeeded && Directory.Exists(path.Value))
            {
                return true;
            }
        }
        return false;
    }
}
