// One run of a real agent CLI started by a test itself (not through zwarm), e.g. as an MCP client of `zwarm mcp`:
// the world's complete environment plus extras, stdin closed, stdout parsed as JSON lines, killed on timeout.
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace Zwarm.RealClients.Tests.Support;

internal sealed record AgentCliRun(IReadOnlyList<string> Arguments, int ExitCode, string Out, string Err)
{
    public static async Task<AgentCliRun> RunAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry inherited in Environment.GetEnvironmentVariables())
        {
            variables[(string)inherited.Key] = null; // only what the world says
        }
        foreach (var (name, value) in environment.Concat(extra))
        {
            variables[name] = value;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestTimeout.Command);
        var result = await CliWrap.Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return new AgentCliRun(arguments, result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Stdout's JSON lines (stream-json / --json events); other lines are skipped.</summary>
    public IReadOnlyList<JsonNode> Events =>
        [.. Out.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)).OfType<JsonNode>()];

    public string Describe() =>
        $"{string.Join(' ', Arguments)}\nexit={ExitCode}\n--- stdout ---\n{(Out.Length > 8000 ? Out[^8000..] : Out)}\n--- stderr ---\n{(Err.Length > 3000 ? Err[^3000..] : Err)}";
}
