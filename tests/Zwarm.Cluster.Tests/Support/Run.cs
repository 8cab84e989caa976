// Short attached commands of the lab (ip, runuser, pg_ctl, zwarm-worker): both streams captured, each with a deadline.
using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace Zwarm.Cluster.Tests.Support;

internal sealed record RunResult(string Command, int ExitCode, string Out, string Err, TimeSpan Elapsed)
{
    public string Describe() => $"{Command}\nexit={ExitCode} elapsed={Elapsed.TotalSeconds:F1}s\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

internal static class Run
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static async Task<RunResult> CommandAsync(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        var args = arguments.ToList();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(deadline ?? DefaultDeadline);
        var watch = Stopwatch.StartNew();
        var result = await Cli.Wrap(program).WithArguments(args)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cts.Token);
        return new RunResult($"{program} {string.Join(' ', args)}", result.ExitCode, result.StandardOutput, result.StandardError, watch.Elapsed);
    }

    /// <summary>Runs and throws (with everything it printed) unless it exits 0.</summary>
    public static async Task<RunResult> CheckedAsync(string program, params string[] arguments)
    {
        var result = await CommandAsync(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("lab command failed: " + result.Describe());
        }
        return result;
    }
}
