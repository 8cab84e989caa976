// watch: follow a session's current turn live, step by step, until the turn ends, a key is pressed or Ctrl-C.
// The session itself is never touched: stopping the watch leaves it running.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private async Task<int> WatchAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var meta = await _context.GetAsync(args.Required(0, "the session id"), ct);
        var console = _context.Terminal.Console;
        var turn = meta.Turn;
        var hint = _context.Keys.CanWatch ? " (press any key to stop watching)" : "";
        console.MarkupLine($"[grey]watching turn {turn} of {Format.ShortId(meta.Id)}{hint}[/]");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keyPressed = WatchKeyAsync(stop);
        var decoder = new TurnLineDecoder(_context.Sessions.AdapterFor(meta).CreateParser(), turn);
        var stopped = false;
        try
        {
            await foreach (var line in _context.Sessions.FollowTurnAsync(meta, turn, stop.Token))
            {
                foreach (var step in decoder.Decode(line))
                {
                    StepRenderer.Write(console, step);
                }
            }
            stopped = stop.IsCancellationRequested;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stopped = true;
        }
        finally
        {
            await stop.CancelAsync();
            await keyPressed;
        }

        var final = await _context.Sessions.GetAsync(meta.Id, CancellationToken.None);
        if (stopped && !final.Status.IsStopped())
        {
            console.MarkupLine($"[grey]stopped watching; {Format.ShortId(meta.Id)} is still {final.Status.ToName()}[/]");
            return ExitCodes.Success;
        }
        _context.Notifier.Forget(final.Id);
        console.MarkupLine($"[grey]turn {turn} ended:[/] {Format.StatusMarkup(final.Status)}" +
            (final.Error is null ? "" : $" [red]{Markup.Escape(Format.OneLine(final.Error, 200))}[/]"));
        return ExitCodes.Success;
    }

    // Cancels the watch when a key is pressed; ends quietly when the watch ends first.
    private async Task WatchKeyAsync(CancellationTokenSource stop)
    {
        try
        {
            await _context.Keys.WaitForKeyAsync(stop.Token);
            await stop.CancelAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
