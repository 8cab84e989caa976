namespace Zwarm.Core.Workspaces;

/// <summary>A git version ("git version 2.39.5" -> 2.39.5). 2.38 is the first with `merge-tree --write-tree`.</summary>
internal sealed record GitVersion(int Major, int Minor, int Patch) : IComparable<GitVersion>
{
    public static GitVersion Minimum { get; } = new(2, 38, 0);

    public static GitVersion? Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = words.Length >= 3 && words[0] == "git" && words[1] == "version" ? words[2] : text.Trim();
        var parts = number.Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor))
        {
            return null;
        }
        var patch = parts.Length > 2 && int.TryParse(parts[2], out var p) ? p : 0;
        return new GitVersion(major, minor, patch);
    }

    public int CompareTo(GitVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(GitVersion a, GitVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(GitVersion a, GitVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(GitVersion a, GitVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(GitVersion a, GitVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
