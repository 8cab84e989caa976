// Wraps every command's action: builds its context, and turns failures into one line on stderr plus a named
// exit code — never a stack trace (set ZWARM_DEBUG=1 to see one for an unexpected error).
using System.CommandLine;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Infrastructure;

internal sealed class CommandActions(Terminal terminal, ContextFactory factory)
{
    public Terminal Terminal { get; } = terminal;

    public ContextFactory Factory { get; } = factory;

    /// <summary>Sets <paramref name="run"/> as the action of <paramref name="command"/>.</summary>
    public void Set(Command command, Func<CommandContext, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse, run, cancellationToken).ConfigureAwait(false));
    }

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        try
        {
            var loaded = Factory.Create(parse);
            return await run(new CommandContext(parse, Terminal, loaded), cancellationToken).ConfigureAwait(false);
        }
        catch (ZwarmException e)
        {
            Terminal.Error(e.Message);
            return ExitCodes.For(e.Kind);
        }
        catch (CorruptSessionException e)
        {
            Terminal.Error(e.Message);
            return ExitCodes.StateError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.Error("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Terminal.Error(e.Message);
            return ExitCodes.StateError;
        }
        catch (Exception e)
        {
            Terminal.Error($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("ZWARM_DEBUG") is "1" or "true")
            {
                Terminal.Err.WriteLine(e.ToString());
            }
            return ExitCodes.Internal;
        }
    }
}
