// Output that is not a terminal has no width: long lines (orchestrate's progress on stderr, show's rule, tables)
// are neither wrapped at 80 mid-phrase nor padded out to a made-up width.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Tests.Infrastructure;

public sealed class TerminalTests
{
    private static readonly string Long = string.Join(' ', Enumerable.Repeat("the orchestrator explains its plan", 12));

    [Fact]
    public void Piped_LongLinesOnStdoutAndStderr_AreNeitherWrappedNorPadded()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, colors: false);

        terminal.Console.MarkupLine(Markup.Escape(Long));
        terminal.ErrorConsole.MarkupLine("[bold]orchestrator:[/] " + Markup.Escape(Long));

        Assert.Equal(Long + "\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("orchestrator: " + Long + "\n", error.ToString().ReplaceLineEndings("\n"));
    }
}
