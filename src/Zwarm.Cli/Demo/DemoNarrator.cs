// The demo's voice: numbered steps, the zwarm command a user would type for each, and short notes.
using Spectre.Console;

namespace Zwarm.Cli.Demo;

internal sealed class DemoNarrator(IAnsiConsole console, int steps)
{
    private int _step;

    public IAnsiConsole Console => console;

    public void Title(string text)
    {
        console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
        console.WriteLine();
    }

    public void Step(string title)
    {
        _step++;
        console.WriteLine();
        console.MarkupLine($"[bold blue]▸ Step {_step}/{steps}[/]  [bold]{Markup.Escape(title)}[/]");
    }

    /// <summary>A zwarm command line as the user would type it.</summary>
    public void Command(string commandLine) => console.MarkupLine($"  [green]$[/] {Markup.Escape(commandLine)}");

    public void Note(string text) => console.MarkupLine($"  [grey]{Markup.Escape(text)}[/]");

    public void Detail(string label, string value) =>
        console.MarkupLine($"  [grey]{Markup.Escape(label),-10}[/] {Markup.Escape(value)}");

    /// <summary>Quotes a task or message as one POSIX shell word, so the narrated line can be pasted as is.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
