// Gemini CLI's exit codes (0.61.0) and what to tell the user: 41 = no usable auth method (GEMINI_API_KEY set but
// settings.json does not select "gemini-api-key"), 55 = untrusted working folder (zwarm passes --skip-trust, so only
// an older CLI or a changed flag gets here), and an API error exits with its HTTP status mod 256 (401 -> 145,
// 403 -> 147, 429 -> 173, 500 -> 244), after a `result` line whose error message zwarm records first anyway.
namespace Zwarm.Core.Agents.Gemini;

internal static partial class GeminiExits
{
    public const int AuthMethod = 41;
    public const int UntrustedFolder = 55;

    /// <summary>A clear message for a documented exit code, with the CLI's own line appended; else that line.</summary>
    public static string? Describe(int exitCode, string? stderrLine)
    {
        var own = Clean(stderrLine);
        var meaning = exitCode switch
        {
            AuthMethod => "Gemini CLI has no usable auth method: its settings.json must set security.auth.selectedType to "
                          + "\"gemini-api-key\" next to GEMINI_API_KEY (`zwarm agents use-local gemini` writes both)",
            UntrustedFolder => "Gemini CLI refused to run in an untrusted folder (pass --skip-trust, or set GEMINI_CLI_TRUST_WORKSPACE=true)",
            _ => null,
        };
        return meaning is null ? own : own is null ? meaning : $"{meaning} — \"{own}\"";
    }

    // The trust refusal is printed in red: ANSI escapes are no part of a message.
    private static string? Clean(string? line)
    {
        if (line is null)
        {
            return null;
        }
        var text = AnsiEscape().Replace(line, "").Trim();
        return text.Length == 0 ? null : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial System.Text.RegularExpressions.Regex AnsiEscape();
}
