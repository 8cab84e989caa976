// What the isolation verbs call (diff, apply, merge, merge --resolve, push), over the session service: each loads
// the session, checks it is isolated and in a state that allows the verb, runs git, and records in meta.json what it
// did. Nothing here ever leaves the user's tree half-changed: every change is tried where the user cannot see it
// first (merge-tree, a scratch worktree, `git apply --check`).
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed partial class WorkspaceService
{
    private readonly SessionService _sessions;
    private readonly GitRunner _git;

    public WorkspaceService(SessionService sessions)
    {
        _sessions = sessions;
        _git = new GitRunner(sessions.Context.Environment);
    }

    private async Task<(SessionMeta Meta, SessionWorkspace Workspace)> LoadAsync(string idOrPrefix,
        CancellationToken cancellationToken)
    {
        await _git.EnsureVersionAsync(cancellationToken).ConfigureAwait(false);
        var meta = await _sessions.GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (meta.Workspace is not { } workspace)
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {SessionService.ShortId(meta.Id)} is not isolated (it was spawned without --worktree and works in {meta.WorkingDir})");
        }
        if (!Directory.Exists(workspace.Repo))
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"the repository of session {SessionService.ShortId(meta.Id)} ({workspace.Repo}) is gone (moved or deleted?)");
        }
        return (meta, workspace);
    }

    private static void RequireStopped(SessionMeta meta, string verb)
    {
        if (!meta.Status.IsStopped())
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {SessionService.ShortId(meta.Id)} is {meta.Status.ToName()}; wait for it (or kill it) before you {verb}");
        }
    }

    /// <summary>The directory to run git in for a session: its worktree, or the repository when the worktree is gone.</summary>
    private static string GitDirectory(SessionWorkspace workspace) =>
        Directory.Exists(workspace.Worktree) ? workspace.Worktree : workspace.Repo;

    private async Task<string> BranchHeadAsync(SessionWorkspace workspace, CancellationToken cancellationToken) =>
        await RepositoryProbe.ResolveCommitAsync(_git, workspace.Repo, "refs/heads/" + workspace.Branch, cancellationToken)
            .ConfigureAwait(false)
        ?? throw new ZwarmException(ErrorKind.Conflict, $"branch {workspace.Branch} no longer exists in {workspace.Repo}");

    /// <summary>Refuses when the session's worktree holds work no commit has (zwarm would not take it along).</summary>
    private async Task RequireCommittedAsync(SessionMeta meta, SessionWorkspace workspace, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspace.Worktree))
        {
            return;
        }
        var status = await _git.RunCheckedAsync(workspace.Worktree,
            ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=normal"], null,
            $"cannot read the status of {workspace.Worktree}", cancellationToken).ConfigureAwait(false);
        if (status.Records.Count > 0)
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"the worktree of session {SessionService.ShortId(meta.Id)} ({workspace.Worktree}) has uncommitted changes " +
                $"(zwarm diff {SessionService.ShortId(meta.Id)} shows them); commit them there, or continue the session so its turn checkpoints them");
        }
    }

    private Task<SessionMeta> RecordAsync(string id, Func<SessionWorkspace, SessionWorkspace> change,
        CancellationToken cancellationToken) =>
        _sessions.Store.UpdateAsync(id, m => m.Workspace is { } w ? m with { Workspace = change(w) } : m, cancellationToken);

    private string Now() => Timestamps.Now(_sessions.Context.Time);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 72 ? line[..69] + "..." : line;
    }
}
