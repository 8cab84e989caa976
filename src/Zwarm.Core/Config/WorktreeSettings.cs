namespace Zwarm.Core.Config;

/// <summary>[worktree]: where isolated sessions' worktrees live and what they get besides the checkout.</summary>
public sealed record WorktreeSettings
{
    /// <summary>Folder holding the worktrees (null: $XDG_DATA_HOME/zwarm/worktrees, keyed by repository).</summary>
    public string? Root { get; init; }

    /// <summary>Git-ignored paths to copy into a new worktree (gitignore syntax), besides the repository's .worktreeinclude.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>A shell command run in a new worktree before the agent starts (e.g. "npm ci").</summary>
    public string? Setup { get; init; }

    /// <summary>Commit what the agent left in its worktree after every turn.</summary>
    public bool CommitTurns { get; init; } = true;

    public static WorktreeSettings Read(ConfigSection? section)
    {
        var result = new WorktreeSettings();
        if (section is null)
        {
            return result;
        }
        return result with
        {
            Root = ZwarmConfig.NullIfEmpty(section.GetString("root")),
            Include = section.GetStringList("include") ?? [],
            Setup = ZwarmConfig.NullIfEmpty(section.GetString("setup")),
            CommitTurns = section.GetBool("commit_turns") ?? true,
        };
    }
}
