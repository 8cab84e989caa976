// The demo's voice: numbered steps, the zwarm command a user would type for each, and short notes.
using Zwarm.Cli.Rendering;
using Spectre.Console;

namespace Zwarm.Cli.Demo;

internal sealed class DemoNarrator(IAnsiConsole console, int steps)
{
    private int _step;

    public IAnsiConsole Console => console;

    public void Title(string text)
    {
        console.MarkupLine($"[bold]{TerminalText.Escape(text)}[/]");
        console.WriteLine();
    }

    public void Step(string title)
    {
        _step++;
        console.WriteLine();
        console.MarkupLine($"[bold blue]▸ Step {_step}/{steps}[/]  [bold]{TerminalText.Escape(title)}[/]");
    }

    /// <summary>A zwarm command line as the user would type it.</summary>
    public void Command(string commandLine) => console.MarkupLine($"  [green]$[/] {TerminalText.Escape(commandLine)}");

    public void Note(string text) => console.MarkupLine($"  [grey]{TerminalText.Escape(text)}[/]");

    public void Detail(string label, string value) =>
        console.MarkupLine($"  [grey]{TerminalText.Escape(label),-10}[/] {TerminalText.Escape(value)}");

    /// <summary>Quotes a task or message as one POSIX shell word, so the narrated line can be pasted as is.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
