// Where output goes: data on stdout, messages on stderr, coloured rendering through Spectre.Console.
// On a terminal, rendering follows the window's live width; piped, it has no width at all (PipeWidth): no line is
// wrapped and nothing is padded to a made-up width, so `| grep` and `| less` see whole lines.
// Tests construct one over StringWriters to run commands in-process.
using Spectre.Console;

namespace Zwarm.Cli.Infrastructure;

internal sealed class Terminal
{
    private readonly Lazy<IAnsiConsole> _console;
    private readonly Lazy<IAnsiConsole> _errorConsole;
    private readonly Lazy<TextReader> _in;

    /// <param name="interactive">Input comes from a person at a terminal (not a pipe or file).</param>
    /// <param name="processStreams">Out, Err and In are this process's own standard streams (children may inherit them).</param>
    /// <param name="outputIsTerminal">Out is a terminal: live window size, and a line editor may draw on it.</param>
    /// <param name="errorIsTerminal">Err is a terminal: progress written there follows the window's width.</param>
    public Terminal(TextWriter output, TextWriter error, bool colors, TextReader? input = null, bool interactive = false,
        bool processStreams = false, bool outputIsTerminal = false, bool errorIsTerminal = false)
        : this(output, error, colors, () => input ?? TextReader.Null, interactive, processStreams, outputIsTerminal, errorIsTerminal)
    {
    }

    /// <summary>The width Spectre is given for output that is not a terminal: wide enough that nothing wraps.</summary>
    public const int PipeWidth = 1_000_000;

    // The consoles and stdin are made on first use: most commands print plain data and never read, and setting
    // them up (terminal detection, Console.In) is a measurable part of start-up.
    private Terminal(TextWriter output, TextWriter error, bool colors, Func<TextReader> input, bool interactive,
        bool processStreams, bool outputIsTerminal, bool errorIsTerminal)
    {
        Out = output;
        Err = error;
        IsInteractive = interactive;
        IsProcessStreams = processStreams;
        OutputIsTerminal = outputIsTerminal;
        Colors = colors;
        _in = new Lazy<TextReader>(input);
        _console = new Lazy<IAnsiConsole>(() =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = outputIsTerminal ? new LiveTerminalOutput(output) : new AnsiConsoleOutput(output),
                Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            });
            if (!outputIsTerminal)
            {
                console.Profile.Width = PipeWidth;
            }
            return console;
        });
        _errorConsole = new Lazy<IAnsiConsole>(() =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = errorIsTerminal ? new LiveTerminalOutput(error) : new AnsiConsoleOutput(error),
                Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            if (!errorIsTerminal)
            {
                console.Profile.Width = PipeWidth;
            }
            return console;
        });
    }

    public TextWriter Out { get; }

    /// <summary>The byte stream under <see cref="Out"/> for bulk output (null when Out is not a stream, e.g. in tests).</summary>
    public Stream? OutStream => (Out as StreamWriter)?.BaseStream;

    public TextWriter Err { get; }

    public TextReader In => _in.Value;

    public bool IsInteractive { get; }

    /// <summary>Out, Err and In are the process's own standard streams, so a child process may inherit them.</summary>
    public bool IsProcessStreams { get; }

    /// <summary>Out is a terminal (sized live; a line editor can draw on it).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Whether colours are wanted (a terminal, and NO_COLOR unset).</summary>
    public bool Colors { get; }

    /// <summary>Rich output to stdout.</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary>Rich output to stderr (progress, notes) so stdout stays clean data.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    /// <summary>The real process terminal: colours only when stdout is a terminal and NO_COLOR is unset.</summary>
    public static Terminal FromProcess()
    {
        var stdoutIsTerminal = !System.Console.IsOutputRedirected;
        var colors = stdoutIsTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var stdout = new StreamWriter(System.Console.OpenStandardOutput()) { AutoFlush = true };
        var stderr = new StreamWriter(System.Console.OpenStandardError()) { AutoFlush = true };
        return new Terminal(stdout, stderr, colors, () => System.Console.In, interactive: !System.Console.IsInputRedirected,
            processStreams: true, outputIsTerminal: stdoutIsTerminal, errorIsTerminal: !System.Console.IsErrorRedirected);
    }

    /// <summary>One-line error message on stderr.</summary>
    public void Error(string message) => Err.WriteLine($"zwarm: {message}");

    /// <summary>Informational note on stderr (never mixed into --json data).</summary>
    public void Note(string message) => Err.WriteLine(message);
}
