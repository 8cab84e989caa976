// run_shell_command's tool_result in Qwen Code's stream (0.24.4): either the bare output (its display text) or the
// report the model gets, "Command: C\nDirectory: D\nOutput: O\nError: E\nExit Code: N\nSignal: S\nProcess Group
// PGID: P", whose "(empty)" / "(none)" stand for nothing; both were seen for the same command. A refused call says
// "... requires permission to use ...".
namespace Zwarm.Core.Agents.Qwen;

internal sealed record QwenShellResult(string Output, int? ExitCode)
{
    private const string OutputLabel = "\nOutput: ";
    private const string ErrorLabel = "\nError: ";
    private const string ExitLabel = "\nExit Code: ";

    public static bool IsDenial(string text) =>
        text.Contains("requires permission to use", StringComparison.Ordinal)
        && text.Contains("declined", StringComparison.Ordinal);

    public static QwenShellResult Parse(string text, bool isError)
    {
        var start = text.IndexOf(OutputLabel, StringComparison.Ordinal);
        if (!text.StartsWith("Command: ", StringComparison.Ordinal) || start < 0)
        {
            return new QwenShellResult(text, isError ? null : 0);
        }
        var from = start + OutputLabel.Length;
        var end = text.IndexOf(ErrorLabel, from, StringComparison.Ordinal);
        var output = end < 0 ? text[from..] : text[from..end];
        return new QwenShellResult(output == "(empty)" ? "" : output, ExitCodeOf(text, isError));
    }

    private static int? ExitCodeOf(string text, bool isError)
    {
        var at = text.IndexOf(ExitLabel, StringComparison.Ordinal);
        if (at < 0)
        {
            return isError ? null : 0;
        }
        var value = text[(at + ExitLabel.Length)..];
        var newline = value.IndexOf('\n');
        value = newline < 0 ? value : value[..newline];
        return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;
    }
}
