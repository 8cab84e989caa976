// Wraps every verb's action: a failure is one `zwarm: ...` line on stderr and a named exit code, never a stack
// trace (ZWARM_DEBUG=1 adds it for an unexpected error).
using System.CommandLine;
using Zwarm.Core;

namespace Zwarm.Worker.Infrastructure;

internal sealed class CommandRunner(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
{
    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    public bool Debug => Environment.GetValueOrDefault("ZWARM_DEBUG") is "1" or "true";

    public void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await run(parse, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Err.WriteLine("zwarm: interrupted");
                return ExitCodes.Interrupted;
            }
            catch (ZwarmException e)
            {
                Err.WriteLine($"zwarm: {e.Message}");
                return ExitCodes.For(e.Kind);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Err.WriteLine($"zwarm: {e.Message}");
                return ExitCodes.StateError;
            }
            catch (Exception e)
            {
                Err.WriteLine($"zwarm: internal error: {e.GetType().Name}: {e.Message}");
                if (Debug)
                {
                    Err.WriteLine(e.ToString());
                }
                return ExitCodes.Internal;
            }
        });
    }
}
