// Assembles a REPL for a terminal: the line editor when a person types at a real terminal that can host it, plain
// lines otherwise (pipes, files, TERM=dumb); the completer over the live session list; the history file.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive.Editor;

namespace Zwarm.Cli.Interactive;

internal static class ReplFactory
{
    /// <summary>Env var naming the history file ("" turns history off); default &lt;state dir&gt;/history.</summary>
    public const string HistoryVariable = "ZWARM_HISTORY";

    public static InteractiveShell Create(Terminal terminal, SessionService sessions, bool stopOnError)
    {
        var env = sessions.Context.Environment;
        var useEditor = terminal.IsInteractive && terminal.OutputIsTerminal && terminal.IsProcessStreams
            && env.GetValueOrDefault("TERM") is { Length: > 0 } term && term != "dumb";
        var context = new ReplContext(terminal, sessions, useEditor ? new ConsoleKeyWatcher() : new NoKeyWatcher());
        var actions = new ReplActions(context);
        ILineReader reader;
        if (useEditor)
        {
            var completer = new ReplCompleter(Sources(actions, sessions));
            var history = new ReplHistory(HistoryPath(sessions), message => terminal.Error(message));
            reader = new EditorLineReader(EditorConsole(terminal), new TabCompletion(completer.Complete), history);
        }
        else
        {
            reader = new PlainLineReader(terminal.In, terminal.IsInteractive ? terminal.Err : null);
        }
        return new InteractiveShell(context, actions, reader, new ShellOptions(terminal.IsInteractive, stopOnError));
    }

    public static CompletionSources Sources(ReplActions actions, SessionService sessions) => new(
        actions.Commands,
        () => new SessionIndex(sessions.Store).Read().Sessions,
        [.. sessions.Agents.Adapters.SelectMany(a => a.Aliases.Prepend(a.Name))],
        [.. sessions.Prices.Prices.Keys, .. sessions.Prices.Aliases.Keys],
        sessions.Context.WorkingDirectory,
        sessions.Context.Environment.GetValueOrDefault("HOME"));

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
