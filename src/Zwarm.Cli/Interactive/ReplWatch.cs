// watch: follow a session's current turn live, step by step, until the turn ends, a key is pressed or Ctrl-C.
// The session itself is never touched: stopping the watch leaves it running. Only the REPL has it (a shell has
// `zwarm logs -f`).
using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Output;

namespace Zwarm.Cli.Interactive;

internal static class ReplWatch
{
    public static Command Create(ReplContext context, CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id, unique prefix, or last" };
        var command = new Command("watch", "Follow a session's running turn live (any key or Ctrl-C stops watching)") { id };
        SessionIdCompletion.Add(id, actions, SessionPreference.Running);
        actions.Set(command, (ctx, ct) => WatchAsync(context, ctx.Sessions, ctx.Get(id)!, ct));
        return command;
    }

    private static async Task<int> WatchAsync(ReplContext context, SessionService sessions, string word, CancellationToken ct)
    {
        var meta = await sessions.GetAsync(word, ct);
        var console = context.Terminal.Console;
        var turn = meta.Turn;
        var hint = context.Keys.CanWatch ? " (press any key to stop watching)" : "";
        console.MarkupLine($"[grey]watching turn {turn} of {Format.ShortId(meta.Id)}{hint}[/]");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keyPressed = WatchKeyAsync(context.Keys, stop);
        var decoder = new TurnLineDecoder(sessions.AdapterFor(meta).CreateParser(), turn);
        var stopped = false;
        try
        {
            await foreach (var line in sessions.FollowTurnAsync(meta, turn, stop.Token))
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

        var final = await sessions.GetAsync(meta.Id, CancellationToken.None);
        if (stopped && !final.Status.IsStopped())
        {
            console.MarkupLine($"[grey]stopped watching; {Format.ShortId(meta.Id)} is still {final.Status.ToName()}[/]");
            return ExitCodes.Success;
        }
        console.MarkupLine($"[grey]turn {turn} ended:[/] {Format.StatusMarkup(final.Status)}" +
            (final.Error is null ? "" : $" [red]{TerminalText.Escape(Format.OneLine(final.Error, 200))}[/]"));
        return ExitCodes.Success;
    }

    // Cancels the watch when a key is pressed; ends quietly when the watch ends first.
    private static async Task WatchKeyAsync(IKeyWatcher keys, CancellationTokenSource stop)
    {
        try
        {
            await keys.WaitForKeyAsync(stop.Token);
            await stop.CancelAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
