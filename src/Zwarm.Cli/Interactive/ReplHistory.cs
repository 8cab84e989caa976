// The REPL's command history, kept in a plain text file (one command per line, oldest first; default
// <state dir>/history). Like a shell: blank lines, repeats of the previous line and lines typed with a leading
// space are not kept. The file is only written where its folder exists (opening the REPL creates no .zwarm), and
// is trimmed back to the last Capacity lines once it passes TrimBytes. Losing history is never fatal.
namespace Zwarm.Cli.Interactive;

internal sealed class ReplHistory(string? path, Action<string>? warn = null)
{
    public const int Capacity = 1000;
    private const long TrimBytes = 160 * 1024;

    private readonly List<string> _entries = [];
    private bool _warned;

    public string? Path { get; } = path;

    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Reads the file (if any); returns the entries, oldest first.</summary>
    public IReadOnlyList<string> Load()
    {
        _entries.Clear();
        if (Path is null || !File.Exists(Path))
        {
            return _entries;
        }
        try
        {
            var lines = File.ReadAllLines(Path).Where(l => l.Length > 0).ToList();
            _entries.AddRange(lines.Skip(Math.Max(0, lines.Count - Capacity)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"cannot read history {Path}: {e.Message}");
        }
        return _entries;
    }

    /// <summary>Records a submitted line. Returns whether it was kept.</summary>
    public bool Add(string line)
    {
        line = line.TrimEnd();
        if (string.IsNullOrWhiteSpace(line) || line.StartsWith(' ') || line.Contains('\n') || line.Contains('\r')
            || (_entries.Count > 0 && _entries[^1] == line))
        {
            return false;
        }
        _entries.Add(line);
        if (_entries.Count > Capacity)
        {
            _entries.RemoveRange(0, _entries.Count - Capacity);
        }
        Save(line);
        return true;
    }

    private void Save(string line)
    {
        if (Path is null || System.IO.Path.GetDirectoryName(Path) is not { } dir || !Directory.Exists(dir))
        {
            return;
        }
        try
        {
            File.AppendAllText(Path, line + "\n");
            if (new FileInfo(Path).Length > TrimBytes && File.ReadAllLines(Path) is { Length: > Capacity } lines)
            {
                var temp = Path + ".tmp";
                File.WriteAllLines(temp, lines.Skip(lines.Length - Capacity));
                File.Move(temp, Path, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"cannot save history to {Path}: {e.Message}");
        }
    }

    private void Warn(string message)
    {
        if (!_warned)
        {
            _warned = true;
            warn?.Invoke(message);
        }
    }
}
