namespace Zwarm.Core.Workspaces;

public enum MergeStrategy
{
    /// <summary>Fast-forward when possible, else a merge commit.</summary>
    Merge,
    /// <summary>Always a merge commit.</summary>
    NoFastForward,
    /// <summary>One new commit on the target holding all the session's changes.</summary>
    Squash,
    /// <summary>The session's commits replayed on the target (tried in a scratch worktree first).</summary>
    Rebase,
}

public sealed record MergeRequest(string Session, MergeStrategy Strategy = MergeStrategy.Merge, string? Into = null,
    string? Message = null);

/// <summary>What a merge did: the target branch and where it points now (unchanged when already merged).</summary>
public sealed record MergeOutcome(string Session, string Branch, string Into, string? Directory, string Before, string After,
    bool AlreadyMerged, string Strategy);

/// <summary>What `apply` did: the changed files, now uncommitted edits in <see cref="Directory"/>.</summary>
public sealed record ApplyOutcome(string Session, string Directory, IReadOnlyList<string> Files);

/// <summary>What `merge --resolve` did: the conflicted files handed to the agent (empty: the rebase went through).</summary>
public sealed record ResolveOutcome(string Session, string Into, IReadOnlyList<string> Files, Sessions.SessionMeta Meta);

/// <summary>What `push` did.</summary>
public sealed record PushOutcome(string Session, string Branch, string Remote);

/// <summary>A merge (or apply, or rebase) that would conflict: nothing was changed; these files conflict.</summary>
public sealed class MergeConflictException(string message, IReadOnlyList<string> files) : Exception(message)
{
    public IReadOnlyList<string> Files { get; } = files;
}
