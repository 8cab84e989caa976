namespace Zwarm.Core.Workspaces;

/// <summary>Lines added and removed, and files changed, between two trees (from `git diff --numstat -z`).</summary>
internal sealed record DiffStat(int Added, int Removed, int Files)
{
    public static DiffStat Zero { get; } = new(0, 0, 0);

    public static async Task<DiffStat> ComputeAsync(GitRunner git, string directory, string from, string to,
        CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return Zero;
        }
        var result = await git.RunCheckedAsync(directory, ["diff", "--numstat", "-z", "--no-renames", from, to, "--"], null,
            "cannot count the changes", cancellationToken).ConfigureAwait(false);
        return Parse(result.Output);
    }

    /// <summary>Each record is "added TAB removed TAB path" ("-" for binary files, counted as 0 lines).</summary>
    public static DiffStat Parse(string numstat)
    {
        int added = 0, removed = 0, files = 0;
        foreach (var record in numstat.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split('\t', 3);
            if (parts.Length < 3)
            {
                continue;
            }
            files++;
            added += int.TryParse(parts[0], out var a) ? a : 0;
            removed += int.TryParse(parts[1], out var r) ? r : 0;
        }
        return new DiffStat(added, removed, files);
    }
}
