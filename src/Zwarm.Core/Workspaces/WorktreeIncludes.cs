// Copies what the repository's checkout has but git does not into a new worktree: the git-ignored paths matching worktree.include and the repository's .worktreeinclude file (gitignore syntax, as
// Claude Code reads it), e.g. .env or config/local.json. Symlinks are copied as symlinks; nothing is overwritten.
namespace Zwarm.Core.Workspaces;

internal static class WorktreeIncludes
{
    public const string FileName = ".worktreeinclude";

    /// <summary>Copies the matching files from <paramref name="sourceTop"/> to <paramref name="worktree"/>; returns how many.</summary>
    public static async Task<int> CopyAsync(GitRunner git, string sourceTop, string worktree, IReadOnlyList<string> patterns,
        CancellationToken cancellationToken)
    {
        var includeFile = Path.Combine(sourceTop, FileName);
        var hasFile = File.Exists(includeFile);
        if (patterns.Count == 0 && !hasFile)
        {
            return 0;
        }
        var arguments = new List<string> { "ls-files", "-z", "--others", "--ignored" };
        arguments.AddRange(patterns.Select(p => "--exclude=" + p));
        if (hasFile)
        {
            arguments.Add("--exclude-from=" + includeFile);
        }
        var listed = await git.RunCheckedAsync(sourceTop, arguments, null, "cannot list the files to include",
            cancellationToken).ConfigureAwait(false);
        if (listed.Records.Count == 0)
        {
            return 0;
        }
        // Only files git ignores: an untracked file git does not ignore would be committed by the turn's checkpoint.
        var ignored = await git.RunAsync(sourceTop, ["check-ignore", "-z", "--stdin"],
            new GitCall(Input: string.Join('\0', listed.Records) + "\0"), cancellationToken).ConfigureAwait(false);
        var copied = 0;
        foreach (var relative in ignored.Records)
        {
            if (relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Split('/').Contains(".."))
            {
                continue;
            }
            var source = Path.Combine(sourceTop, relative);
            var target = Path.Combine(worktree, relative);
            if (Path.Exists(target))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var info = new FileInfo(source);
            if (info.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (info.Exists)
            {
                File.Copy(source, target);
            }
            else
            {
                continue;
            }
            copied++;
        }
        return copied;
    }
}
