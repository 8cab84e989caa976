// Lines from a person at a terminal, through RadLine: editing keys, history on Up/Down (loaded from and saved to
// the history file), Tab completion (several candidates are listed under the line, then the same line is prompted
// again, as bash does). Ctrl-C clears the line (on an empty line it says how to leave), Ctrl-D on an
// empty line leaves. Ctrl-C is read as a key only while the editor waits for input; while a command runs it is
// a signal again, which the REPL turns into "stop this command".
using RadLine;
using Spectre.Console;

namespace Zwarm.Cli.Interactive.Editor;

internal sealed class EditorLineReader : ILineReader
{
    private const int MaxListed = 100;

    private readonly EditorSignals _signals = new();
    private readonly ReplHistory _history;
    private readonly IAnsiConsole _console;
    private readonly TabCompletion _completion;
    private readonly string _prompt;
    private readonly string _leaveHint;

    /// <param name="prompt">Prompt markup (default "zwarm>").</param>
    /// <param name="leaveHint">Shown when Ctrl-C is pressed on an empty line.</param>
    public EditorLineReader(IAnsiConsole console, TabCompletion completion, ReplHistory history, string? prompt = null,
        string leaveHint = "type quit or press Ctrl-D to leave")
    {
        _console = console;
        _history = history;
        _completion = completion;
        _prompt = prompt ?? "[bold blue]zwarm[/]>";
        _leaveHint = leaveHint;
        history.Load();
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var text = "";
        while (true)
        {
            _signals.Reset();
            string? line;
            Console.TreatControlCAsInput = true;
            try
            {
                // A fresh editor per prompt: RadLine takes the starting text only at construction.
                line = await Editor(text).ReadLine(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Console.TreatControlCAsInput = false;
            }
            text = "";
            if (_signals.Listing is { } listing)
            {
                List(listing);
                text = _signals.Resume ?? "";
                continue;
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

    private LineEditor Editor(string text)
    {
        var editor = new LineEditor(_console, new ConsoleInputSource())
        {
            Prompt = new LineEditorPrompt(_prompt),
            Text = text,
        };
        foreach (var entry in _history.Entries)
        {
            editor.History.Add(entry);
        }
        Bind(editor.KeyBindings, _completion);
        return editor;
    }

    // The candidates in columns across the terminal, like bash's listing.
    private void List(IReadOnlyList<string> candidates)
    {
        var shown = candidates.Take(MaxListed).ToList();
        var column = shown.Max(c => c.Length) + 2;
        var perRow = Math.Max(1, _console.Profile.Width / column);
        for (var i = 0; i < shown.Count; i += perRow)
        {
            _console.WriteLine(string.Concat(shown.Skip(i).Take(perRow).Select(c => c.PadRight(column))).TrimEnd());
        }
        if (candidates.Count > shown.Count)
        {
            _console.WriteLine($"... and {candidates.Count - shown.Count} more");
        }
    }

    // RadLine 0.6.0's defaults put history on Ctrl-Up (Up moves between lines of a multi-line edit) and know no
    // Ctrl keys; this is the single-line set a shell user expects. Order matters: for a key without modifiers
    // RadLine takes the first binding of that key, so plain keys come before their Ctrl variants.
    private void Bind(KeyBindings keys, TabCompletion completion)
    {
        keys.Clear();
        keys.Add(ConsoleKey.Tab, () => new CompleteCommand(completion, _signals, backwards: false));
        keys.Add(ConsoleKey.Enter, () => new SubmitCommand());
        keys.Add(ConsoleKey.Backspace, () => new BackspaceCommand());
        keys.Add(ConsoleKey.Delete, () => new DeleteCommand());
        keys.Add(ConsoleKey.LeftArrow, () => new MoveLeftCommand());
        keys.Add(ConsoleKey.RightArrow, () => new MoveRightCommand());
        keys.Add(ConsoleKey.Home, () => new MoveHomeCommand());
        keys.Add(ConsoleKey.End, () => new MoveEndCommand());
        keys.Add(ConsoleKey.UpArrow, () => new PreviousHistoryCommand());
        keys.Add(ConsoleKey.DownArrow, () => new NextHistoryCommand());
        keys.Add(ConsoleKey.Tab, ConsoleModifiers.Shift, () => new CompleteCommand(completion, _signals, backwards: true));
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
