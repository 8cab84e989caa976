// Creates an isolated session's worktree before its first turn: a new branch from a recorded base commit, in a
// zwarm data folder outside the user's tree, with the included ignored files, submodules and (with --carry) the
// user's uncommitted tracked changes. Every refusal is one line and changes nothing; a failure half-way removes
// what was made.
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

internal sealed class WorktreeCreator(GitRunner git, ZwarmContext context)
{
    /// <summary>The worktree for a new session, or null when the request (and config) asks for no isolation.</summary>
    public async Task<CreatedWorkspace?> CreateAsync(StartRequest request, string workingDir, string sessionId,
        CancellationToken cancellationToken)
    {
        var mode = Mode(request);
        if (mode == IsolationMode.None)
        {
            return null;
        }
        await git.EnsureVersionAsync(cancellationToken).ConfigureAwait(false);
        var repo = await RepositoryProbe.FindAsync(git, workingDir, mode == IsolationMode.Worktree, cancellationToken)
            .ConfigureAwait(false);
        if (repo is null || (mode == IsolationMode.Auto && repo.Head is null))
        {
            return null;
        }
        var baseSha = await ResolveBaseAsync(repo, request.Base, cancellationToken).ConfigureAwait(false);
        var branch = await CheckBranchAsync(repo, request.Branch ?? $"zwarm/{SessionService.ShortId(sessionId)}",
            cancellationToken).ConfigureAwait(false);
        var folder = WorktreeLocation.RepositoryFolder(context.Config.Worktree.Root, repo, context.Environment);
        var path = Path.Combine(folder, SessionService.ShortId(sessionId));
        if (Path.Exists(path))
        {
            throw new ZwarmException(ErrorKind.Conflict, $"{path} already exists; remove it or set worktree.root");
        }
        // The status probe (a stat of every tracked file: most of a second on 50,000 files) and `git worktree add`
        // (which writes the new checkout) touch different files, and the probe takes no lock (--no-optional-locks):
        // run them side by side. The new worktree is removed again when the probe fails.
        using var probeCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probe = RepositoryProbe.UncommittedAsync(git, repo.TopLevel, probeCancel.Token);
        try
        {
            try
            {
                WorktreeLocation.EnsurePrivate(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ZwarmException(ErrorKind.State, $"cannot create {folder}: {e.Message}");
            }
            await git.RunCheckedAsync(repo.TopLevel, ["worktree", "add", "--quiet", "-b", branch, path, baseSha],
                new GitCall(AsZwarm: true), $"cannot create the worktree {path}", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await probeCancel.CancelAsync().ConfigureAwait(false);
            await probe.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
                .ConfigureAwait(false);
            throw;
        }
        IReadOnlyList<string> uncommitted;
        try
        {
            uncommitted = await probe.ConfigureAwait(false);
        }
        catch
        {
            await RemoveAsync(repo.TopLevel, path, branch, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        try
        {
            await FillAsync(repo, path, request.Carry && uncommitted.Count > 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RemoveAsync(repo.TopLevel, path, branch, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var workDir = repo.Prefix.Length == 0 ? path : Path.Combine(path, repo.Prefix);
        Directory.CreateDirectory(workDir);
        var record = new SessionWorkspace
        {
            Repo = repo.TopLevel,
            Worktree = path,
            Branch = branch,
            Base = baseSha,
            BaseBranch = repo.Branch,
            SubDir = repo.Prefix,
            LeftBehind = request.Carry ? 0 : uncommitted.Count,
            Carried = request.Carry && uncommitted.Count > 0,
            Head = baseSha,
        };
        return new CreatedWorkspace(record, workDir, context.Config.Worktree.Setup);
    }

    /// <summary>Removes a worktree and its branch (after a failed start).</summary>
    public async Task RemoveAsync(string repoTop, string path, string branch, CancellationToken cancellationToken)
    {
        await git.RunAsync(repoTop, ["worktree", "remove", "--force", "--force", path], new GitCall(AsZwarm: true),
            cancellationToken).ConfigureAwait(false);
        await git.RunAsync(repoTop, ["branch", "-D", branch], new GitCall(AsZwarm: true), cancellationToken)
            .ConfigureAwait(false);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private IsolationMode Mode(StartRequest request)
    {
        if (request.Isolation is { } explicitMode)
        {
            return explicitMode;
        }
        // --branch, --base and --carry only mean something for a worktree.
        if (request.Branch is not null || request.Base is not null || request.Carry)
        {
            return IsolationMode.Worktree;
        }
        return context.Config.Executor.Isolation;
    }

    private async Task<string> ResolveBaseAsync(RepositoryInfo repo, string? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            if (repo.Head is null)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"the repository at {repo.TopLevel} has no commit yet; commit something first (a worktree starts from a commit)");
            }
            if (repo.Branch is null)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"HEAD is detached in {repo.TopLevel}; check out a branch, or name the start with --base REF");
            }
            return repo.Head;
        }
        return await RepositoryProbe.ResolveCommitAsync(git, repo.TopLevel, requested, cancellationToken).ConfigureAwait(false)
            ?? throw new ZwarmException(ErrorKind.Usage, $"--base '{requested}' does not name a commit in {repo.TopLevel}");
    }

    private async Task<string> CheckBranchAsync(RepositoryInfo repo, string branch, CancellationToken cancellationToken)
    {
        var valid = await git.RunAsync(repo.TopLevel, ["check-ref-format", "--branch", branch], null, cancellationToken)
            .ConfigureAwait(false);
        if (!valid.Succeeded || branch.StartsWith('-'))
        {
            throw new ZwarmException(ErrorKind.Usage, $"'{branch}' is not a valid branch name");
        }
        var exists = await git.RunAsync(repo.TopLevel, ["show-ref", "--verify", "--quiet", "refs/heads/" + branch], null,
            cancellationToken).ConfigureAwait(false);
        if (exists.Succeeded)
        {
            throw new ZwarmException(ErrorKind.Conflict, $"branch '{branch}' already exists in {repo.TopLevel}; choose another with --branch");
        }
        return branch;
    }

    private async Task FillAsync(RepositoryInfo repo, string path, bool carry, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(path, ".gitmodules")))
        {
            await git.RunCheckedAsync(path, ["submodule", "update", "--init", "--recursive", "--quiet"],
                new GitCall(AsZwarm: true), "cannot initialise the submodules of the new worktree", cancellationToken)
                .ConfigureAwait(false);
        }
        await WorktreeIncludes.CopyAsync(git, repo.TopLevel, path, context.Config.Worktree.Include, cancellationToken)
            .ConfigureAwait(false);
        if (carry)
        {
            await CarryAsync(repo.TopLevel, path, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Brings the user's uncommitted tracked changes into the worktree (as uncommitted changes there).</summary>
    private async Task CarryAsync(string sourceTop, string path, CancellationToken cancellationToken)
    {
        var patch = Path.Combine(Path.GetTempPath(), $"zwarm-carry-{Guid.NewGuid():N}.patch");
        try
        {
            await git.RunCheckedAsync(sourceTop, ["diff", "--binary", "--no-color", "--output=" + patch, "HEAD"], null,
                "cannot read the uncommitted changes to carry", cancellationToken).ConfigureAwait(false);
            var applied = await git.RunAsync(path, ["apply", "--binary", "--whitespace=nowarn", patch], null, cancellationToken)
                .ConfigureAwait(false);
            if (!applied.Succeeded)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"--carry: the uncommitted changes do not apply to the worktree's base ({applied.Message})");
            }
        }
        finally
        {
            File.Delete(patch);
        }
    }
}
