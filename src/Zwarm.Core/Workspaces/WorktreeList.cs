namespace Zwarm.Core.Workspaces;

/// <summary>One entry of `git worktree list --porcelain -z`.</summary>
internal sealed record WorktreeEntry(string Path, string? Head, string? Branch, bool Bare, bool Prunable);

internal static class WorktreeList
{
    public static async Task<IReadOnlyList<WorktreeEntry>> ReadAsync(GitRunner git, string directory,
        CancellationToken cancellationToken)
    {
        var result = await git.RunCheckedAsync(directory, ["worktree", "list", "--porcelain", "-z"], null,
            "cannot list the repository's worktrees", cancellationToken).ConfigureAwait(false);
        return Parse(result.Output);
    }

    /// <summary>Attribute lines separated by NUL; an empty record ends each worktree.</summary>
    public static IReadOnlyList<WorktreeEntry> Parse(string output)
    {
        var entries = new List<WorktreeEntry>();
        WorktreeEntry? current = null;
        foreach (var line in output.Split('\0'))
        {
            if (line.Length == 0)
            {
                if (current is not null)
                {
                    entries.Add(current);
                }
                current = null;
                continue;
            }
            var space = line.IndexOf(' ');
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? "" : line[(space + 1)..];
            current = key switch
            {
                "worktree" => new WorktreeEntry(value, null, null, false, false),
                "HEAD" when current is not null => current with { Head = value },
                "branch" when current is not null => current with { Branch = value },
                "bare" when current is not null => current with { Bare = true },
                "prunable" when current is not null => current with { Prunable = true },
                _ => current,
            };
        }
        if (current is not null)
        {
            entries.Add(current);
        }
        return entries;
    }
}
