using Zwarm.Cli.Rendering;
using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm interactive`: a REPL over the same command tree as the verbs (see Interactive/), each line run with this
/// command's --state-dir / --config / --set. Reads a terminal through a line editor, or lines from a pipe so it can
/// be scripted. Exit code: 0 at end of input, N after `quit N`, 130 when
/// Ctrl-C stops a piped script, and with --stop-on-error the failing command's own code.
/// </summary>
internal static class InteractiveCommand
{
    public const string Name = "interactive";

    public static Command Create(CommandActions actions)
    {
        var stopOnError = new Option<bool>("--stop-on-error", "-e") { Description = "End at the first failing command, with its exit code (for scripts)" };
        var command = new Command(Name, "A REPL over every zwarm verb, plus watch, !command, help, clear and quit") { stopOnError };
        command.Aliases.Add("repl");
        actions.Set(command, async (ctx, ct) =>
        {
            var shell = ReplFactory.Create(ctx.Terminal, actions.Factory.Inheriting(ctx.Parse), ctx.Sessions, ctx.Get(stopOnError));
            if (ctx.Terminal.IsInteractive)
            {
                ctx.Terminal.Console.MarkupLine($"[bold]zwarm interactive[/] [grey]· state {TerminalText.Escape(ctx.Zwarm.StateDirectory)} · " +
                    "help lists the commands · Tab completes · Ctrl-D leaves[/]");
            }
            // The REPL owns Ctrl-C: it stops the running command, never the REPL (see InteractiveShell.Interrupt).
            using var sigint = ctx.Terminal.IsProcessStreams
                ? PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = shell.Interrupt())
                : null;
            return await shell.RunAsync(ct);
        });
        return command;
    }
}
