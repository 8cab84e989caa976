// Confines delegated work to the allowed directories. Paths are compared after resolving symlinks, so a link inside
// an allowed folder that points outside it does not open a way out, and `..` tricks are normalized away.
namespace Zwarm.Orchestration.Tools;

internal sealed class DirectoryGuard
{
    private const int MaxLinkDepth = 40;
    private readonly IReadOnlyList<string> _allowed;
    private readonly IReadOnlyList<string> _shown;

    public DirectoryGuard(IReadOnlyList<string> allowedDirectories)
    {
        _shown = allowedDirectories;
        _allowed = [.. allowedDirectories.Select(d => RealPath(d))];
    }

    public IReadOnlyList<string> Allowed => _shown;

    /// <summary>The absolute directory for <paramref name="requested"/> (relative to <paramref name="baseDirectory"/>), or an error.</summary>
    public string Resolve(string? requested, string baseDirectory)
    {
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(requested) ? baseDirectory : requested.Trim(), baseDirectory);
        var real = RealPath(full);
        if (!_allowed.Any(a => IsInside(real, a)))
        {
            throw new ToolArgumentException(
                $"working_dir {full} is outside the allowed directories ({string.Join(", ", _shown)}); choose a directory inside them");
        }
        if (!Directory.Exists(real))
        {
            throw new ToolArgumentException($"working_dir {full} does not exist");
        }
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    private static bool IsInside(string path, string root) =>
        path == root || root == "/" || path.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The path with every symlink resolved (components that do not exist yet are kept as they are).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        if (depth > MaxLinkDepth)
        {
            return full;
        }
        var current = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                info = new FileInfo(next);
            }
            if (info.Exists && info.LinkTarget is { } target)
            {
                current = RealPath(Path.GetFullPath(target, current), depth + 1);
            }
            else
            {
                current = next;
            }
        }
        return current;
    }
}
