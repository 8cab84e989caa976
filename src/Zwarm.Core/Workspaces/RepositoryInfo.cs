namespace Zwarm.Core.Workspaces;

/// <summary>
/// The git checkout a directory is in: its top level, the repository's common git directory (shared by all its
/// worktrees), the directory's path below the top level, and what HEAD is.
/// </summary>
internal sealed record RepositoryInfo(string TopLevel, string CommonDir, string Prefix, string? Head, string? Branch);
