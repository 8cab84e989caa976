// `zwarm apply` (the session's changes as uncommitted edits in the user's tree, all or nothing) and `zwarm push`
// (the session branch to a remote, nothing else, and only when asked).
using System.Text.RegularExpressions;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed partial class WorkspaceService
{
    public async Task<ApplyOutcome> ApplyAsync(string session, CancellationToken cancellationToken)
    {
        var (meta, workspace) = await LoadAsync(session, cancellationToken).ConfigureAwait(false);
        var shortId = SessionService.ShortId(meta.Id);
        var dir = GitDirectory(workspace);
        var to = Directory.Exists(workspace.Worktree)
            ? await WorkspaceSnapshot.TreeAsync(_git, workspace.Worktree, cancellationToken).ConfigureAwait(false)
            : await BranchHeadAsync(workspace, cancellationToken).ConfigureAwait(false);
        var names = await _git.RunCheckedAsync(dir, ["diff", "--name-only", "-z", "--no-renames", workspace.Base, to, "--"], null,
            "cannot compute the session's changes", cancellationToken).ConfigureAwait(false);
        if (names.Records.Count == 0)
        {
            return new ApplyOutcome(meta.Id, workspace.Repo, []);
        }
        var patch = Path.Combine(Path.GetTempPath(), $"zwarm-apply-{Guid.NewGuid():N}.patch");
        try
        {
            await _git.RunCheckedAsync(dir, ["diff", "--binary", "--no-color", "--no-renames", "--output=" + patch, workspace.Base, to, "--"],
                null, "cannot compute the session's changes", cancellationToken).ConfigureAwait(false);
            // git apply is all or nothing, but --check first means a refusal never even starts writing.
            var check = await _git.RunAsync(workspace.Repo, ["apply", "--check", "--binary", "--whitespace=nowarn", patch], null,
                cancellationToken).ConfigureAwait(false);
            if (!check.Succeeded)
            {
                var files = FailedFiles(check.Error);
                throw new MergeConflictException(
                    $"the changes of session {shortId} do not apply cleanly to {workspace.Repo}; nothing was changed. Conflicts in: " +
                    (files.Count > 0 ? string.Join(", ", files) : check.Message), files);
            }
            await _git.RunCheckedAsync(workspace.Repo, ["apply", "--binary", "--whitespace=nowarn", patch], null,
                $"cannot apply the changes to {workspace.Repo}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(patch);
        }
        var head = workspace.Head ?? workspace.Base;
        await RecordAsync(meta.Id, w => w with
        {
            Merges = [.. w.Merges, new WorkspaceMerge { Strategy = "apply", Head = head, Into = workspace.Repo, Commit = null, At = Now() }],
        }, cancellationToken).ConfigureAwait(false);
        return new ApplyOutcome(meta.Id, workspace.Repo, names.Records);
    }

    public async Task<PushOutcome> PushAsync(string session, string? remote, CancellationToken cancellationToken)
    {
        var (meta, workspace) = await LoadAsync(session, cancellationToken).ConfigureAwait(false);
        var remotes = (await _git.RunCheckedAsync(workspace.Repo, ["remote"], null, "cannot list the remotes", cancellationToken)
            .ConfigureAwait(false)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var name = remote ?? (remotes.Contains("origin") ? "origin" : remotes.Length == 1 ? remotes[0] : null)
            ?? throw new ZwarmException(ErrorKind.Usage,
                remotes.Length == 0 ? $"{workspace.Repo} has no remote to push to" : $"name the remote with --remote ({string.Join(", ", remotes)})");
        if (!remotes.Contains(name))
        {
            throw new ZwarmException(ErrorKind.Usage, $"no remote '{name}' in {workspace.Repo}");
        }
        var refspec = $"refs/heads/{workspace.Branch}:refs/heads/{workspace.Branch}";
        await _git.RunCheckedAsync(workspace.Repo, ["push", "--quiet", name, refspec], null,
            $"cannot push {workspace.Branch} to {name}", cancellationToken).ConfigureAwait(false);
        return new PushOutcome(meta.Id, workspace.Branch, name);
    }

    /// <summary>The files `git apply --check` names in its errors ("error: patch failed: a.txt:3", "error: a.txt: already exists ...").</summary>
    internal static IReadOnlyList<string> FailedFiles(string error)
    {
        var files = new List<string>();
        foreach (var line in error.Split('\n'))
        {
            var match = Regex.Match(line, @"^error: (?:patch failed: (.+):\d+|(.+?): (?:already exists in working directory|does not exist in index|No such file or directory|patch does not apply|does not match index|already exists in index))$");
            if (match.Success)
            {
                var file = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                if (!files.Contains(file))
                {
                    files.Add(file);
                }
            }
        }
        return files;
    }
}
