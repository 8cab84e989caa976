// npm's progress during `zwarm agents install` and the demo: each npm line with the time since the start, and a
// heartbeat while npm is silent (it says nothing during a ~300 MB download), on stderr.
using Spectre.Console;
using Zwarm.Core.Agents.Install;

namespace Zwarm.Cli.Agents;

internal sealed class InstallProgressPrinter(IAnsiConsole console, string what) : IProgress<InstallProgress>
{
    public void Report(InstallProgress value)
    {
        var elapsed = $"{value.Elapsed.TotalSeconds,4:0} s";
        console.MarkupLine(value.Line is null
            ? $"  [grey]{elapsed}  still installing {Markup.Escape(what)}...[/]"
            : $"  [grey]{elapsed}  npm: {Markup.Escape(Rendering.Format.OneLine(value.Line, 100))}[/]");
    }
}
