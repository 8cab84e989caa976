// Finds the git checkout that contains a directory, telling apart every situation an isolated session cannot start
// from (no repository, a bare one, no commit yet) with one clear line each.
namespace Zwarm.Core.Workspaces;

internal static class RepositoryProbe
{
    /// <summary>The checkout containing <paramref name="directory"/>, or null when it is in no usable repository and
    /// <paramref name="required"/> is false. With <paramref name="required"/>, every problem is a ZwarmException.</summary>
    public static async Task<RepositoryInfo?> FindAsync(GitRunner git, string directory, bool required,
        CancellationToken cancellationToken)
    {
        var kind = await git.RunAsync(directory,
            ["rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--git-common-dir"], null, cancellationToken)
            .ConfigureAwait(false);
        if (!kind.Succeeded)
        {
            return required
                ? throw new ZwarmException(ErrorKind.Conflict,
                    $"{directory} is not inside a git repository (isolated sessions need one: git init, and commit)")
                : null;
        }
        var lines = kind.Output.Split('\n');
        if (lines.Length < 3 || lines[0] == "true" || lines[1] != "true")
        {
            return required
                ? throw new ZwarmException(ErrorKind.Conflict,
                    $"{directory} is in a bare repository or a .git folder, not a checkout; isolated sessions start from a checkout")
                : null;
        }
        var commonDir = Path.GetFullPath(lines[2].Trim(), directory);
        var place = await git.RunCheckedAsync(directory, ["rev-parse", "--show-toplevel", "--show-prefix"], null,
            $"cannot read the repository at {directory}", cancellationToken).ConfigureAwait(false);
        var placeLines = place.Output.Split('\n');
        var top = placeLines[0];
        var prefix = placeLines.Length > 1 ? placeLines[1].Trim().TrimEnd('/') : "";
        var head = await git.RunAsync(top, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], null, cancellationToken)
            .ConfigureAwait(false);
        var branch = await git.RunAsync(top, ["symbolic-ref", "--quiet", "--short", "HEAD"], null, cancellationToken)
            .ConfigureAwait(false);
        return new RepositoryInfo(top, commonDir, prefix, head.Succeeded ? head.Value : null,
            branch.Succeeded ? branch.Value : null);
    }

    /// <summary>Resolves <paramref name="reference"/> to a commit SHA, or null.</summary>
    public static async Task<string?> ResolveCommitAsync(GitRunner git, string directory, string reference,
        CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(directory,
            ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"], null, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? result.Value : null;
    }

    /// <summary>Tracked files with uncommitted changes (staged or not) in the checkout at <paramref name="topLevel"/>.</summary>
    public static async Task<IReadOnlyList<string>> UncommittedAsync(GitRunner git, string topLevel,
        CancellationToken cancellationToken)
    {
        // --no-optional-locks: reading the status must not refresh (write) the user's index.
        var status = await git.RunCheckedAsync(topLevel,
            ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=no", "--ignore-submodules=dirty"],
            null, $"cannot read the status of {topLevel}", cancellationToken).ConfigureAwait(false);
        var files = new List<string>();
        var records = status.Records;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Length < 4)
            {
                continue;
            }
            files.Add(record[3..]);
            if (record[0] is 'R' or 'C')
            {
                i++; // the rename's source path follows as a record of its own
            }
        }
        return files;
    }
}
