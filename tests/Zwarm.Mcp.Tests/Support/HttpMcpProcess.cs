// `zwarm mcp --http` as a child process for the tests: started in the world's work directory, its URL taken from
// the startup line on stderr, stopped gracefully (SIGINT, then killed after 15 s) on dispose, stderr kept.
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;

namespace Zwarm.Mcp.Tests.Support;

internal sealed partial class HttpMcpProcess : IAsyncDisposable
{
    private readonly Task<CommandResult> _run;
    private readonly StringBuilder _stderr;
    private readonly CancellationTokenSource _graceful;
    private readonly CancellationTokenSource _forceful;

    private HttpMcpProcess(Task<CommandResult> run, StringBuilder stderr, CancellationTokenSource graceful, CancellationTokenSource forceful)
    {
        _run = run;
        _stderr = stderr;
        _graceful = graceful;
        _forceful = forceful;
    }

    public Uri Url { get; private set; } = null!;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts `zwarm mcp --http ARGS` and waits for its startup line.</summary>
    public static async Task<HttpMcpProcess> StartAsync(McpWorld world, CancellationToken cancellationToken, params string[] args)
    {
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        var graceful = new CancellationTokenSource();
        var forceful = new CancellationTokenSource();
        var run = CliWrap.Cli.Wrap(ZwarmBinary.Path)
            .WithArguments(["mcp", "--http", .. args])
            .WithWorkingDirectory(world.WorkDir)
            .WithEnvironmentVariables(world.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
                if (Serving().Match(line) is { Success: true } m)
                {
                    url.TrySetResult(new Uri(m.Groups[1].Value));
                }
            }))
            .ExecuteAsync(forceful.Token, graceful.Token).Task;
        var process = new HttpMcpProcess(run, stderr, graceful, forceful);
        _ = run.ContinueWith(_ => url.TrySetException(new InvalidOperationException($"zwarm mcp --http ended before serving:\n{process.Stderr}")),
            TaskScheduler.Default);
        try
        {
            process.Url = await url.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return process;
    }

    /// <summary>Runs `zwarm mcp --http ARGS` that is expected to fail at once; returns its exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Stderr)> RunFailingAsync(McpWorld world, CancellationToken cancellationToken, params string[] args)
    {
        var stderr = new StringBuilder();
        var result = await CliWrap.Cli.Wrap(ZwarmBinary.Path)
            .WithArguments(["mcp", "--http", .. args])
            .WithWorkingDirectory(world.WorkDir)
            .WithEnvironmentVariables(world.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync(cancellationToken);
        return (result.ExitCode, stderr.ToString());
    }

    /// <summary>Stops it like Ctrl+C (SIGINT; killed after 15 s) and waits for it to end. CliWrap reports a cancelled
    /// run as cancelled whatever its exit code, so tests read how it ended from its stderr.</summary>
    public async Task StopAsync()
    {
        await _graceful.CancelAsync();
        _forceful.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }
        _graceful.Dispose();
        _forceful.Dispose();
    }

    [GeneratedRegex(@"at (http://127\.0\.0\.1:\d+/mcp)")]
    private static partial Regex Serving();
}
