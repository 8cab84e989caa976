// Where output goes: data on stdout, messages on stderr, coloured rendering through Spectre.Console.
// Tests construct one over StringWriters to run commands in-process.
using Spectre.Console;

namespace Zwarm.Cli.Infrastructure;

internal sealed class Terminal
{
    private readonly Lazy<IAnsiConsole> _console;
    private readonly Lazy<IAnsiConsole> _errorConsole;
    private readonly Lazy<TextReader> _in;

    public Terminal(TextWriter output, TextWriter error, bool colors, TextReader? input = null, bool interactive = false)
        : this(output, error, colors, () => input ?? TextReader.Null, interactive)
    {
    }

    // The consoles and stdin are made on first use: most commands print plain data and never read, and setting
    // them up (terminal detection, Console.In) is a measurable part of start-up.
    private Terminal(TextWriter output, TextWriter error, bool colors, Func<TextReader> input, bool interactive)
    {
        Out = output;
        Err = error;
        IsInteractive = interactive;
        _in = new Lazy<TextReader>(input);
        _console = new Lazy<IAnsiConsole>(() =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            });
            if (!colors)
            {
                console.Profile.Width = 160;
            }
            return console;
        });
        _errorConsole = new Lazy<IAnsiConsole>(() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        }));
    }

    public TextWriter Out { get; }

    /// <summary>The byte stream under <see cref="Out"/> for bulk output (null when Out is not a stream, e.g. in tests).</summary>
    public Stream? OutStream => (Out as StreamWriter)?.BaseStream;

    public TextWriter Err { get; }

    public TextReader In => _in.Value;

    public bool IsInteractive { get; }

    /// <summary>Rich output to stdout.</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary>Rich output to stderr (progress, notes) so stdout stays clean data.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    /// <summary>The real process terminal: colours only when stdout is a terminal and NO_COLOR is unset.</summary>
    public static Terminal FromProcess()
    {
        var colors = !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var stdout = new StreamWriter(System.Console.OpenStandardOutput()) { AutoFlush = true };
        var stderr = new StreamWriter(System.Console.OpenStandardError()) { AutoFlush = true };
        return new Terminal(stdout, stderr, colors, () => System.Console.In, interactive: !System.Console.IsInputRedirected);
    }

    /// <summary>One-line error message on stderr.</summary>
    public void Error(string message) => Err.WriteLine($"zwarm: {message}");

    /// <summary>Informational note on stderr (never mixed into --json data).</summary>
    public void Note(string message) => Err.WriteLine(message);
}
