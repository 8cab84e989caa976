// meta.json's "workspace" object: an isolated session's worktree, branch and recorded base, what each turn
// committed, and what was merged or applied from it. Every field is optional to readers that do not know it.
using System.Text.Json.Serialization;

namespace Zwarm.Core.Workspaces;

public sealed record SessionWorkspace
{
    /// <summary>Top level of the user's worktree the session was spawned from (where merge and apply land by default).</summary>
    [JsonPropertyName("repo")] public required string Repo { get; init; }
    /// <summary>The session's own worktree.</summary>
    [JsonPropertyName("worktree")] public required string Worktree { get; init; }
    [JsonPropertyName("branch")] public required string Branch { get; init; }
    /// <summary>SHA of the commit the branch was made from: every diff is against it.</summary>
    [JsonPropertyName("base")] public required string Base { get; init; }
    /// <summary>The branch checked out in <see cref="Repo"/> at spawn (null when detached).</summary>
    [JsonPropertyName("base_branch")] public string? BaseBranch { get; init; }
    /// <summary>The sub-folder of the repository the session works in ("" for the top level).</summary>
    [JsonPropertyName("sub_dir")] public string SubDir { get; init; } = "";
    /// <summary>Uncommitted tracked changes in <see cref="Repo"/> at spawn that the worktree did not get (0 with --carry).</summary>
    [JsonPropertyName("left_behind")] public int LeftBehind { get; init; }
    [JsonPropertyName("carried")] public bool Carried { get; init; }
    /// <summary>The branch head after the latest checkpoint.</summary>
    [JsonPropertyName("head")] public string? Head { get; init; }
    /// <summary>Lines added and removed against <see cref="Base"/> at the latest checkpoint (what `ls` shows).</summary>
    [JsonPropertyName("added")] public int Added { get; init; }
    [JsonPropertyName("removed")] public int Removed { get; init; }
    [JsonPropertyName("files_changed")] public int FilesChanged { get; init; }
    [JsonPropertyName("turn_commits")] public IReadOnlyList<TurnCheckpoint> TurnCommits { get; init; } = [];
    [JsonPropertyName("merges")] public IReadOnlyList<WorkspaceMerge> Merges { get; init; } = [];
    /// <summary>A conflict resolution in progress (`merge --resolve`): a rebase stopped in the worktree.</summary>
    [JsonPropertyName("resolve")] public WorkspaceResolve? Resolve { get; init; }
    /// <summary>The last thing that went wrong with the worktree (a checkpoint that could not be made, a missing worktree).</summary>
    [JsonPropertyName("problem")] public string? Problem { get; init; }
}

/// <summary>What one turn left on the branch.</summary>
public sealed record TurnCheckpoint
{
    [JsonPropertyName("turn")] public int Turn { get; init; }
    /// <summary>The branch head after the turn (the agent's own commits included).</summary>
    [JsonPropertyName("head")] public string Head { get; init; } = "";
    /// <summary>The head before the turn: `diff --turn N` is previous..head.</summary>
    [JsonPropertyName("previous")] public string Previous { get; init; } = "";
    /// <summary>zwarm's checkpoint commit, null when the turn left nothing uncommitted.</summary>
    [JsonPropertyName("commit")] public string? Commit { get; init; }
    [JsonPropertyName("added")] public int Added { get; init; }
    [JsonPropertyName("removed")] public int Removed { get; init; }
    [JsonPropertyName("files_changed")] public int FilesChanged { get; init; }
}

/// <summary>A merge or apply of the session's work into another branch or tree.</summary>
public sealed record WorkspaceMerge
{
    /// <summary>merge, no-ff, squash, rebase or apply.</summary>
    [JsonPropertyName("strategy")] public string Strategy { get; init; } = "merge";
    /// <summary>The session branch head that was merged.</summary>
    [JsonPropertyName("head")] public string Head { get; init; } = "";
    /// <summary>The branch merged into (the directory for apply).</summary>
    [JsonPropertyName("into")] public string Into { get; init; } = "";
    /// <summary>The commit the target points at afterwards (null for apply).</summary>
    [JsonPropertyName("commit")] public string? Commit { get; init; }
    [JsonPropertyName("at")] public string At { get; init; } = "";
}

/// <summary>A rebase of the session branch onto a target, stopped on conflicts the agent is asked to resolve.</summary>
public sealed record WorkspaceResolve
{
    [JsonPropertyName("into")] public string Into { get; init; } = "";
    [JsonPropertyName("onto")] public string Onto { get; init; } = "";
    [JsonPropertyName("files")] public IReadOnlyList<string> Files { get; init; } = [];
    [JsonPropertyName("started_at")] public string StartedAt { get; init; } = "";
}
