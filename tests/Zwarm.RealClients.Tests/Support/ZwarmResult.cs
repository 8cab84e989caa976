using System.Text;
using System.Text.Json;

namespace Zwarm.RealClients.Tests.Support;

/// <summary>How one `zwarm` process ended: exit code, both output streams, and whether it had to be killed.</summary>
internal sealed record ZwarmResult(IReadOnlyList<string> Arguments, int ExitCode, string Out, string Err, bool TimedOut,
    TimeSpan Elapsed)
{
    /// <summary>Stdout as JSON (what `--json` prints); a parse failure shows the whole run.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Out);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"stdout is not JSON ({e.Message})\n{Describe()}", e);
        }
    }

    /// <summary>Everything a failing assertion should show.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append("zwarm ").AppendJoin(' ', Arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))
            .Append($"\nexit={ExitCode} timedOut={TimedOut} elapsed={Elapsed.TotalSeconds:F1}s\n--- stdout ---\n")
            .Append(Out.Length > 6000 ? Out[..6000] + "…" : Out)
            .Append("\n--- stderr ---\n")
            .Append(Err.Length > 3000 ? Err[^3000..] : Err);
        return text.ToString();
    }
}
