namespace Zwarm.Core.Workspaces;

/// <summary>How one git command ended, with everything it printed.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Output with the trailing newline removed (a single value such as a SHA or a path).</summary>
    public string Value => Output.TrimEnd('\n', '\r');

    /// <summary>The NUL-separated records of a `-z` output.</summary>
    public IReadOnlyList<string> Records => Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>git's message in one line (its last non-empty stderr line, "fatal: " and "error: " removed).</summary>
    public string Message
    {
        get
        {
            var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.Length == 0 ? $"git exited with code {ExitCode}" : lines[^1];
            foreach (var prefix in new[] { "fatal: ", "error: " })
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    line = line[prefix.Length..];
                }
            }
            return line;
        }
    }
}

/// <summary>Options of one git call: stdin, extra environment, and whether zwarm itself is the author.</summary>
internal sealed record GitCall(string? Input = null, IReadOnlyDictionary<string, string?>? Environment = null,
    bool AsZwarm = false);
