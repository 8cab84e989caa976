// Assembles a REPL for a terminal: the verbs' command tree (its commands working through `factory`, which carries
// the REPL's own --state-dir/--config/--set), the line editor when a person types at a real terminal that can host
// it, plain lines otherwise (pipes, files, TERM=dumb); Tab completion from the tree; the history file.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive.Editor;

namespace Zwarm.Cli.Interactive;

internal static class ReplFactory
{
    /// <summary>Env var naming the history file ("" turns history off); default &lt;state dir&gt;/history.</summary>
    public const string HistoryVariable = "ZWARM_HISTORY";

    /// <param name="sessions">The REPL's own session service (its state directory: history, announcements).</param>
    public static InteractiveShell Create(Terminal terminal, ContextFactory factory, SessionService sessions, bool stopOnError)
    {
        var env = sessions.Context.Environment;
        var useEditor = terminal.IsInteractive && terminal.OutputIsTerminal && terminal.IsProcessStreams
            && env.GetValueOrDefault("TERM") is { Length: > 0 } term && term != "dumb";
        var context = new ReplContext(terminal, sessions, useEditor ? new ConsoleKeyWatcher() : new NoKeyWatcher())
        {
            Announce = terminal.IsInteractive,
        };
        var commands = new ReplCommandLine(context, new CommandActions(terminal, factory));
        ILineReader reader;
        if (useEditor)
        {
            var completer = new ReplCompleter(commands.Root);
            var history = new ReplHistory(HistoryPath(sessions), message => terminal.Error(message));
            reader = new EditorLineReader(EditorConsole(terminal), new TabCompletion(completer.Complete), history);
        }
        else
        {
            reader = new PlainLineReader(terminal.In, terminal.IsInteractive ? terminal.Err : null);
        }
        return new InteractiveShell(context, commands, reader, new ShellOptions(terminal.IsInteractive, stopOnError));
    }

    public static string? HistoryPath(SessionService sessions)
    {
        var env = sessions.Context.Environment;
        if (env.TryGetValue(HistoryVariable, out var configured) && configured is not null)
        {
            return configured.Length == 0 ? null : Path.GetFullPath(configured, sessions.Context.WorkingDirectory);
        }
        return Path.Combine(sessions.Store.StateDirectory, "history");
    }

    // The editor moves the cursor with ANSI sequences even when NO_COLOR asks for no colours.
    private static IAnsiConsole EditorConsole(Terminal terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new LiveTerminalOutput(terminal.Out),
        Ansi = AnsiSupport.Yes,
        ColorSystem = terminal.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
    });
}
