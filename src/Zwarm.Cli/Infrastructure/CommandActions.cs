// Wraps every command's action: builds its context, and turns failures into one line on stderr plus a named
// exit code (FailureReport).
using System.CommandLine;

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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return FailureReport.Interrupted(Terminal);
        }
        catch (Exception e)
        {
            return FailureReport.Write(Terminal, e);
        }
    }
}
