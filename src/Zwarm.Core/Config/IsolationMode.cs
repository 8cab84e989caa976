namespace Zwarm.Core.Config;

/// <summary>Where a new session works: in the directory it was started in, or in a git worktree of its own.</summary>
public enum IsolationMode
{
    /// <summary>The session works in its directory as it is (the default: a single spawn behaves as before).</summary>
    None,
    /// <summary>A new git worktree on a branch of its own; an error outside a git repository.</summary>
    Worktree,
    /// <summary>A worktree when the directory is inside a git repository with at least one commit, else none.</summary>
    Auto,
}

public static class IsolationModes
{
    public static IReadOnlyList<string> Names { get; } = ["none", "worktree", "auto"];

    public static bool TryParse(string? name, out IsolationMode mode)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "none": mode = IsolationMode.None; return true;
            case "worktree": mode = IsolationMode.Worktree; return true;
            case "auto": mode = IsolationMode.Auto; return true;
            default: mode = IsolationMode.None; return false;
        }
    }

    public static string ToName(this IsolationMode mode) => mode switch
    {
        IsolationMode.Worktree => "worktree",
        IsolationMode.Auto => "auto",
        _ => "none",
    };
}
