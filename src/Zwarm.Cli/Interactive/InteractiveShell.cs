// The REPL loop: read a line, run it through the verbs' command tree (ReplCommandLine), report a failure as one
// line — and go on. Bad
// input never ends the loop; only EOF / Ctrl-D / `quit [N]` do (and, with stop-on-error, a failing command).
// Ctrl-C stops the running command: at a terminal the prompt comes back; on piped input the script ends (130).
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Interactive;

internal sealed class InteractiveShell(ReplContext context, ReplCommandLine commands, ILineReader reader, ShellOptions options)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _running;
    private bool _interrupted;

    /// <summary>Runs until the input ends or `quit`; returns the REPL's exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (options.Interactive)
            {
                await context.Notifier.ReportAsync(cancellationToken);
            }
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return ExitCodes.Success;
            }
            var code = await ExecuteAsync(line, cancellationToken);
            if (context.ExitRequested is { } exit)
            {
                return exit;
            }
            if (_interrupted && !options.Interactive)
            {
                return ExitCodes.Interrupted;
            }
            if (code != ExitCodes.Success && options.StopOnError)
            {
                return code;
            }
        }
        return ExitCodes.Interrupted;
    }

    /// <summary>Runs one line; returns its exit code (0 for blank lines and comments).</summary>
    public async Task<int> ExecuteAsync(string line, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _running = running;
            _interrupted = false;
        }
        try
        {
            return await commands.RunAsync(line, running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            return FailureReport.Interrupted(context.Terminal);
        }
        catch (Exception e)
        {
            return FailureReport.Write(context.Terminal, e);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
            await context.Terminal.Out.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Ctrl-C: stops the running command. Returns false when nothing was running (the caller then lets the signal
    /// do what it normally does, except at a terminal, where the REPL never dies of it).
    /// </summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is null)
            {
                return options.Interactive;
            }
            _interrupted = true;
            _running.Cancel();
            return true;
        }
    }
}
