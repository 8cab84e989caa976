// bash: read-only checks in the project directory, with a time limit (orchestrator/pilot when enabled; MCP --bash).
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class BashTool : SessionTool<BashTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("The command (run with bash -c).")]
        public required string Command { get; init; }

        [Description("Kill it after this long, in seconds.")]
        public double? TimeoutSeconds { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class BashJson : JsonSerializerContext;

    public override string Name => ToolNames.Bash;

    public override ToolKind Kind => ToolKind.Shell;

    protected override JsonTypeInfo<Arguments> ArgumentsType => BashJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Run a shell command in the project directory for READ-ONLY checks: run the tests, git status/diff/log, list or read files. " +
        "Never use it to write or change files: delegate changes to an agent session. The file system is read-only to it: " +
        "writes fail except in $ZWARM_SCRATCH (also $TMPDIR), a scratch dir removed when the command ends.";

    protected override void Shape(JsonObject schema, SessionTools tools)
    {
        if (schema["properties"]?["timeout_seconds"] is JsonObject timeout)
        {
            timeout["description"] = $"Kill it after this long (default and maximum {(int)tools.Options.BashTimeout.TotalSeconds}).";
        }
    }

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var options = tools.Options;
        var timeout = options.BashTimeout;
        if (args.TimeoutSeconds is { } seconds && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(Math.Min(seconds, options.BashTimeout.TotalSeconds));
        }
        var result = await BashRunner.RunAsync(args.Command, options.WorkingDirectory, timeout, options.BashMaxOutputChars,
            tools.Sessions.Context.Environment, tools.Bash!, cancellationToken).ConfigureAwait(false);
        var summary = result.TimedOut
            ? $"timed out after {timeout.TotalSeconds:0}s"
            : $"exit {result.ExitCode}" + (Last(result.Stdout) is { Length: > 0 } last ? $": {SessionTools.Short(last, 100)}" : "");
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.BashResult), result.TimedOut || result.ExitCode != 0, summary);
    }

    private static string? Last(string text) =>
        text.TrimEnd().Split('\n').LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
}
