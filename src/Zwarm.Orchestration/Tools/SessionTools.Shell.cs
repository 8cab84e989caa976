// bash: the orchestrator's read-only checks, in the project directory, with a time limit.
namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    private async Task<ToolOutcome> BashAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var command = args.RequiredString("command");
        var timeout = Options.BashTimeout;
        if (args.OptionalNumber("timeout_seconds") is { } seconds && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(Math.Min(seconds, Options.BashTimeout.TotalSeconds));
        }
        var result = await BashRunner.RunAsync(command, Options.WorkingDirectory, timeout, Options.BashMaxOutputChars,
            _sessions.Context.Environment, cancellationToken).ConfigureAwait(false);
        var summary = result.TimedOut
            ? $"timed out after {timeout.TotalSeconds:0}s"
            : $"exit {result.ExitCode}" + (Last(result.Stdout) is { Length: > 0 } last ? $": {Short(last, 100)}" : "");
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.BashResult), result.TimedOut || result.ExitCode != 0, summary);
    }

    private static string? Last(string text) =>
        text.TrimEnd().Split('\n').LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
}
