// `zwarm worktrees`: every zwarm worktree (of the sessions in this store, and those under zwarm's worktree folder of
// the current repository whose session is gone), with its branch, whether its work is merged, and its disk use.
// `prune` removes the ones whose session is gone and whose branch is merged, then runs `git worktree prune`.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed class WorktreeInventory
{
    private readonly SessionService _sessions;
    private readonly GitRunner _git;
    private readonly WorkspaceCleanup _cleanup;

    public WorktreeInventory(SessionService sessions)
    {
        _sessions = sessions;
        _git = new GitRunner(sessions.Context.Environment);
        _cleanup = new WorkspaceCleanup(_git);
    }

    public async Task<IReadOnlyList<WorktreeView>> ListAsync(CancellationToken cancellationToken)
    {
        await _git.EnsureVersionAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<WorktreeView>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _sessions.Store.EnumerateIds())
        {
            SessionMeta? meta;
            try
            {
                meta = _sessions.Store.Load(id);
            }
            catch (CorruptSessionException)
            {
                continue;
            }
            if (meta?.Workspace is { } workspace)
            {
                known.Add(workspace.Worktree);
                views.Add(await ViewAsync(meta.Id, workspace, cancellationToken).ConfigureAwait(false));
            }
        }
        var repo = await RepositoryProbe.FindAsync(_git, _sessions.Context.WorkingDirectory, required: false, cancellationToken)
            .ConfigureAwait(false);
        if (repo is not null)
        {
            var folder = WorktreeLocation.RepositoryFolder(_sessions.Context.Config.Worktree.Root, repo, _sessions.Context.Environment);
            foreach (var entry in await WorktreeList.ReadAsync(_git, repo.TopLevel, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Path.StartsWith(folder + "/", StringComparison.Ordinal) && !known.Contains(entry.Path) && entry.Branch is { } branch)
                {
                    var orphan = new SessionWorkspace
                    {
                        Repo = repo.TopLevel, Worktree = entry.Path, Branch = branch["refs/heads/".Length..], Base = "",
                    };
                    views.Add(await ViewAsync(null, orphan, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        return views;
    }

    /// <summary>Removes the worktrees (and branches) whose session is gone and whose work is merged; returns them.</summary>
    public async Task<IReadOnlyList<WorktreeView>> PruneAsync(CancellationToken cancellationToken)
    {
        var removed = new List<WorktreeView>();
        foreach (var view in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (view.Session is null && view.Merged)
            {
                await _cleanup.RemoveAsync(new SessionWorkspace { Repo = view.Repo, Worktree = view.Path, Branch = view.Branch, Base = "" },
                    cancellationToken).ConfigureAwait(false);
                removed.Add(view);
            }
        }
        var repo = await RepositoryProbe.FindAsync(_git, _sessions.Context.WorkingDirectory, required: false, cancellationToken)
            .ConfigureAwait(false);
        if (repo is not null)
        {
            await _git.RunAsync(repo.TopLevel, ["worktree", "prune"], null, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    private async Task<WorktreeView> ViewAsync(string? session, SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        var exists = Directory.Exists(workspace.Worktree);
        var unmerged = await _cleanup.UnmergedWorkAsync(workspace, cancellationToken).ConfigureAwait(false);
        return new WorktreeView(session, workspace.Repo, workspace.Branch, workspace.Worktree, exists, unmerged is null, unmerged,
            exists ? DiskUse(workspace.Worktree) : 0);
    }

    private static long DiskUse(string path)
    {
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", options))
        {
            total += file.Length;
        }
        return total;
    }
}

/// <summary>One zwarm worktree: its session (null when the session is gone), branch, path, and whether its work is merged.</summary>
public sealed record WorktreeView(string? Session, string Repo, string Branch, string Path, bool Exists, bool Merged,
    string? Unmerged, long Bytes);
