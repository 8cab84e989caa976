using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Tests.Support;

/// <summary>How a real agent CLI run ended, with its stdout split into JSON events.</summary>
internal sealed record AgentRunResult(int ExitCode, IReadOnlyList<string> StdoutLines, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>Stdout lines that parse as JSON objects (both CLIs print JSONL in these modes).</summary>
    public IReadOnlyList<JsonNode> Events =>
    [
        .. StdoutLines.Select(line =>
        {
            try
            {
                return line.StartsWith('{') ? JsonNode.Parse(line) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }).OfType<JsonNode>(),
    ];

    public IEnumerable<JsonNode> OfType(string type) => Events.Where(e => (string?)e["type"] == type);

    /// <summary>Everything a failing assertion should show: exit code, stdout and the end of stderr.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append($"exit={ExitCode} timedOut={TimedOut} elapsed={Elapsed.TotalSeconds:F1}s\n--- stdout ---\n");
        foreach (var line in StdoutLines) text.Append(line.Length > 600 ? line[..600] + "…" : line).Append('\n');
        text.Append("--- stderr (tail) ---\n").Append(Stderr.Length > 3000 ? Stderr[^3000..] : Stderr);
        return text.ToString();
    }
}
