// The line of an agent's stderr that says why it failed: the FIRST error line, not the last line (which after a
// Rust panic or anyhow error is the tail of a backtrace, "13: <unknown>"). Codex 0.169 at start-up prints
// "Error: OSS setup failed: Ollama 0.13.0 is too old ..." and then a numbered backtrace; its log lines look like
// "2026-...Z ERROR codex_core::...: message" or "... WARN ...". Preference: an error-looking line, else the first
// line that is neither a warning, known noise nor a backtrace frame, else the last non-empty line.
using System.Text.RegularExpressions;

namespace Zwarm.Core.Sessions;

internal static partial class FirstErrorLine
{
    private const int MaxBytes = 64 * 1024;

    private static readonly string[] Noise =
    [
        "Reading additional input from stdin", "Reading prompt from stdin", "Stack backtrace:", "Caused by:",
        "note: run with `RUST_BACKTRACE", "Location:",
    ];

    /// <summary>The line from the stderr file at <paramref name="path"/>, or null when it is missing or empty.</summary>
    public static string? Read(string path)
    {
        try
        {
            return StoreFiles.ReadRegular(path, MaxBytes) is { Length: > 0 } buffer
                ? Pick(System.Text.Encoding.UTF8.GetString(buffer).Split('\n'))
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The line to report among <paramref name="lines"/> (see the file's header).</summary>
    public static string? Pick(IEnumerable<string> lines)
    {
        var candidates = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        return candidates.FirstOrDefault(l => ErrorLine().IsMatch(l))
            ?? candidates.FirstOrDefault(l => !IsWarning(l) && !IsNoise(l) && !Frame().IsMatch(l))
            ?? candidates[^1];
    }

    /// <summary>A warning line (a Rust log line at WARN, "warning:"), which is never the reason for a failure.</summary>
    public static bool IsWarning(string line) => WarningLine().IsMatch(line);

    private static bool IsNoise(string line) => Noise.Any(n => line.StartsWith(n, StringComparison.Ordinal));

    [GeneratedRegex(@"^(Error|ERROR|error|Fatal|FATAL|fatal)\b[:\s]|^\S*\d\S*Z?\s+(ERROR|FATAL)\s|^thread '.*' panicked")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^(warning|Warning|WARNING)\b[:\s]|^\S*\d\S*Z?\s+WARN\s")]
    private static partial Regex WarningLine();

    // "13: <unknown>", "0: std::backtrace::...", "at src/main.rs:10:5", "   at Foo.Bar()"
    [GeneratedRegex(@"^(\d+:\s|at\s)")]
    private static partial Regex Frame();
}
