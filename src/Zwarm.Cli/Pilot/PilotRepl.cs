// The pilot's loop: read a message (or a :command), run it as a turn, show the status line, repeat. Bad input and
// failed model calls are one line each and the loop goes on; EOF / Ctrl-D / :quit end it with the state saved.
// Ctrl-C during a turn interrupts that turn only; at a terminal the prompt comes back, on piped input the script
// ends (exit 130) like the session REPL's.
using Zwarm.Cli.Rendering;
using Zwarm.Cli.Infrastructure;
using Zwarm.Orchestration.Pilot;

namespace Zwarm.Cli.Pilot;

internal sealed partial class PilotRepl(Terminal terminal, PilotSession session, PilotInput input, PilotRenderer renderer,
    bool interactive)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _turn;
    private bool _interrupted;
    private bool _quit;
    private bool _lastTurnFailed;

    /// <summary>Runs <paramref name="firstMessage"/> (if any), then the loop; returns the exit code.</summary>
    public async Task<int> RunAsync(string? firstMessage, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(firstMessage))
        {
            await HandleAsync(firstMessage, block: true, cancellationToken);
        }
        while (!_quit && !cancellationToken.IsCancellationRequested)
        {
            if (_interrupted && !interactive)
            {
                return ExitCodes.Interrupted;
            }
            (string Text, bool Block)? line;
            try
            {
                line = await input.ReadAsync(cancellationToken);
            }
            catch (Zwarm.Core.ZwarmException e)
            {
                FailureReport.Write(terminal, e);
                continue;
            }
            if (line is not { } read)
            {
                break;
            }
            await HandleAsync(read.Text, read.Block, cancellationToken);
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        // A script learns that its last message went unanswered; a person at the prompt saw it already.
        return !interactive && _lastTurnFailed ? ExitCodes.External : ExitCodes.Success;
    }

    /// <summary>Ctrl-C: interrupts the running turn. False when no turn runs (the caller then decides).</summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_turn is null)
            {
                return interactive;
            }
            _interrupted = true;
            _turn.Cancel();
            return true;
        }
    }

    private async Task HandleAsync(string line, bool block, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return;
        }
        try
        {
            if (text.StartsWith(':') && !block)
            {
                await CommandAsync(text, cancellationToken);
            }
            else
            {
                await TurnAsync(line, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            FailureReport.Write(terminal, e);
        }
        finally
        {
            await terminal.Out.FlushAsync(CancellationToken.None);
        }
    }

    private async Task TurnAsync(string message, CancellationToken cancellationToken)
    {
        if (!interactive)
        {
            // Piped input is not on the screen: echo it, so the output reads as the conversation it was.
            renderer.Line($"[bold blue]you:[/] {TerminalText.Escape(message.Trim())}");
        }
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _turn = turn;
            _interrupted = false;
        }
        PilotTurnResult result;
        try
        {
            result = await session.RunTurnAsync(message, renderer.OnStream, turn.Token);
        }
        finally
        {
            lock (_gate)
            {
                _turn = null;
            }
        }
        _lastTurnFailed = result.End == PilotTurnEnd.Failed;
        if (result.Error is { } error)
        {
            terminal.Error(error);
        }
        if (result.End == PilotTurnEnd.Interrupted)
        {
            terminal.Error("interrupted");
        }
        var sessions = await session.SessionsAsync(cancellationToken);
        renderer.TurnEnded(result, session.Status(), sessions);
    }
}
