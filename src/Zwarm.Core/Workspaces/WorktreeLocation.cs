// Where a session's worktree goes: outside the user's tree (tools that scan the repository never see it), in a
// private zwarm data folder keyed by repository: <root>/<repo-name>-<hash of its git dir>/<short session id>.
using System.Security.Cryptography;
using System.Text;

namespace Zwarm.Core.Workspaces;

internal static class WorktreeLocation
{
    /// <summary>The folder of one repository's worktrees (created 0700 by <see cref="EnsurePrivate"/>).</summary>
    public static string RepositoryFolder(string? configuredRoot, RepositoryInfo repo,
        IReadOnlyDictionary<string, string?> environment)
    {
        var root = Root(configuredRoot, repo.TopLevel, environment);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repo.CommonDir)))[..10];
        var name = Path.GetFileName(repo.TopLevel.TrimEnd('/'));
        return Path.Combine(root, $"{(name.Length == 0 ? "repo" : name)}-{hash}");
    }

    /// <summary>worktree.root (~ and relative paths resolved), else $XDG_DATA_HOME/zwarm/worktrees, else ~/.local/share/zwarm/worktrees.</summary>
    public static string Root(string? configuredRoot, string topLevel, IReadOnlyDictionary<string, string?> environment)
    {
        var home = environment.GetValueOrDefault("HOME") is { Length: > 0 } h
            ? h
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            var root = configuredRoot.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, configuredRoot[2..]) : configuredRoot;
            return Path.GetFullPath(root, topLevel);
        }
        var data = environment.GetValueOrDefault("XDG_DATA_HOME") is { Length: > 0 } x && Path.IsPathRooted(x)
            ? x
            : Path.Combine(home, ".local", "share");
        return Path.Combine(data, "zwarm", "worktrees");
    }

    /// <summary>Creates <paramref name="folder"/> and the missing folders above it, private to the user (0700).</summary>
    public static void EnsurePrivate(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }
        var parent = Path.GetDirectoryName(folder);
        if (parent is not null && !Directory.Exists(parent))
        {
            EnsurePrivate(parent);
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
