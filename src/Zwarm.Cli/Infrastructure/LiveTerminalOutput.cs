// Spectre output for a real terminal written through our own writer: Spectre only recognises System.Console.Out as
// a terminal, so without this a TTY would get 80-column tables and the line editor would refuse to run.
using System.Text;
using Spectre.Console;

namespace Zwarm.Cli.Infrastructure;

internal sealed class LiveTerminalOutput(TextWriter writer) : IAnsiConsoleOutput
{
    private const int FallbackWidth = 80;
    private const int FallbackHeight = 24;

    public TextWriter Writer { get; } = writer;

    public bool IsTerminal => true;

    /// <summary>The window's current width, read on every use so a resized window is honoured.</summary>
    public int Width => Measure(() => Console.WindowWidth, FallbackWidth);

    public int Height => Measure(() => Console.WindowHeight, FallbackHeight);

    public void SetEncoding(Encoding encoding)
    {
        // The writer's encoding is fixed (UTF-8); nothing to change.
    }

    private static int Measure(Func<int> read, int fallback)
    {
        try
        {
            var value = read();
            return value > 0 ? value : fallback;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            return fallback;
        }
    }
}
