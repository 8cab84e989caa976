namespace Zwarm.Core.Workspaces;

/// <summary>How `diff` prints: the patch, a stat, the file names, or the structured files (--json).</summary>
public enum DiffFormat
{
    Patch,
    Stat,
    NameOnly,
    Files,
}

/// <summary>What `zwarm diff` asks for. <see cref="Turn"/>: one turn's changes instead of all of them.</summary>
public sealed record DiffRequest(string Session, int? Turn = null, DiffFormat Format = DiffFormat.Patch, bool Color = false);

/// <summary>A session's changes between two trees: git's own text, or (for <see cref="DiffFormat.Files"/>) the files.</summary>
public sealed record SessionDiff(string Session, string Branch, string From, string To, bool IncludesUncommitted,
    string Text, IReadOnlyList<DiffFile> Files, string? Note);

/// <summary>One changed file: status letter (A, M, D, T), line counts (0 for binary files) and its patch.</summary>
public sealed record DiffFile(string Path, string Status, int Added, int Removed, bool Binary, string Patch);
