// A Spectre console that believes it is a terminal of a given width, writing into a string: renders tables exactly
// as a terminal of that size would get them, without a terminal.
using System.Text;
using Spectre.Console;

namespace Zwarm.Cli.Tests.Support;

public static class FixedWidthConsole
{
    public static (IAnsiConsole Console, StringWriter Text) Create(int width)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new Output(text, width),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        return (console, text);
    }

    private sealed class Output(TextWriter writer, int width) : IAnsiConsoleOutput
    {
        public TextWriter Writer { get; } = writer;

        public bool IsTerminal => true;

        public int Width => width;

        public int Height => 50;

        public void SetEncoding(Encoding encoding)
        {
        }
    }
}
