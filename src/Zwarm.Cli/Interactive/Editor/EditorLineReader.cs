// Lines from a person at a terminal, through RadLine: editing keys, history on Up/Down (loaded from and saved to
// the history file), Tab completion. Ctrl-C clears the line (on an empty line it says how to leave), Ctrl-D on an
// empty line leaves. Ctrl-C is read as a key only while the editor waits for input; while a command runs it is
// a signal again, which the REPL turns into "stop this command".
using RadLine;
using Spectre.Console;

namespace Zwarm.Cli.Interactive.Editor;

internal sealed class EditorLineReader : ILineReader
{
    private readonly LineEditor _editor;
    private readonly EditorSignals _signals = new();
    private readonly ReplHistory _history;
    private readonly IAnsiConsole _console;

    private readonly string _leaveHint;

    /// <param name="prompt">Prompt markup (default "zwarm>").</param>
    /// <param name="leaveHint">Shown when Ctrl-C is pressed on an empty line.</param>
    public EditorLineReader(IAnsiConsole console, TabCompletion completion, ReplHistory history, string? prompt = null,
        string leaveHint = "type quit or press Ctrl-D to leave")
    {
        _console = console;
        _history = history;
        _leaveHint = leaveHint;
        _editor = new LineEditor(console, new ConsoleInputSource())
        {
            Prompt = new LineEditorPrompt(prompt ?? "[bold blue]zwarm[/]>"),
        };
        foreach (var line in history.Load())
        {
            _editor.History.Add(line);
        }
        Bind(_editor.KeyBindings, completion);
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _signals.Reset();
            string? line;
            Console.TreatControlCAsInput = true;
            try
            {
                line = await _editor.ReadLine(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Console.TreatControlCAsInput = false;
            }
            if (_signals.Interrupted)
            {
                _console.MarkupLine($"[grey]({Markup.Escape(_leaveHint)})[/]");
                continue;
            }
            if (_signals.EndOfInput || line is null)
            {
                return null;
            }
            _history.Add(line);
            return line;
        }
    }

    // RadLine 0.6.0's defaults put history on Ctrl-Up (Up moves between lines of a multi-line edit) and know no
    // Ctrl keys; this is the single-line set a shell user expects. Order matters: for a key without modifiers
    // RadLine takes the first binding of that key, so plain keys come before their Ctrl variants.
    private void Bind(KeyBindings keys, TabCompletion completion)
    {
        keys.Clear();
        keys.Add(ConsoleKey.Tab, () => new CompleteCommand(completion, backwards: false));
        keys.Add(ConsoleKey.Enter, () => new SubmitCommand());
        keys.Add(ConsoleKey.Backspace, () => new BackspaceCommand());
        keys.Add(ConsoleKey.Delete, () => new DeleteCommand());
        keys.Add(ConsoleKey.LeftArrow, () => new MoveLeftCommand());
        keys.Add(ConsoleKey.RightArrow, () => new MoveRightCommand());
        keys.Add(ConsoleKey.Home, () => new MoveHomeCommand());
        keys.Add(ConsoleKey.End, () => new MoveEndCommand());
        keys.Add(ConsoleKey.UpArrow, () => new PreviousHistoryCommand());
        keys.Add(ConsoleKey.DownArrow, () => new NextHistoryCommand());
        keys.Add(ConsoleKey.Tab, ConsoleModifiers.Shift, () => new CompleteCommand(completion, backwards: true));
        keys.Add(ConsoleKey.LeftArrow, ConsoleModifiers.Control, () => new PreviousWordCommand());
        keys.Add(ConsoleKey.RightArrow, ConsoleModifiers.Control, () => new NextWordCommand());
        keys.Add(ConsoleKey.C, ConsoleModifiers.Control, () => new ClearLineCommand(_signals, signalWhenEmpty: true));
        keys.Add(ConsoleKey.U, ConsoleModifiers.Control, () => new ClearLineCommand(_signals, signalWhenEmpty: false));
        keys.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(_signals));
        keys.Add(ConsoleKey.W, ConsoleModifiers.Control, () => new DeleteWordCommand());
        keys.Add(ConsoleKey.A, ConsoleModifiers.Control, () => new MoveToCommand(end: false));
        keys.Add(ConsoleKey.E, ConsoleModifiers.Control, () => new MoveToCommand(end: true));
        keys.Add(ConsoleKey.P, ConsoleModifiers.Control, () => new PreviousHistoryCommand());
        keys.Add(ConsoleKey.N, ConsoleModifiers.Control, () => new NextHistoryCommand());
    }
}
