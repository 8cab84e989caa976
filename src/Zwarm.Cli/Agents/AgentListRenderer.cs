// `zwarm agents` for people: one short block per agent CLI, narrow enough for an 80-column terminal.
using Spectre.Console;
using Zwarm.Core.Agents.Install;

namespace Zwarm.Cli.Agents;

internal static class AgentListRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<AgentStatus> agents)
    {
        foreach (var a in agents)
        {
            var mark = a.Located is null ? "[grey]--[/]" : a.Pinned ? "[green]ok[/]" : "[yellow]!![/]";
            console.MarkupLine($"{mark} [bold]{Markup.Escape(a.Adapter)}[/] {Markup.Escape(a.DisplayName)} [grey](pinned {Markup.Escape(a.Package.Spec)})[/]");
            if (a.Located is null)
            {
                console.MarkupLine($"   not installed: [green]zwarm agents install {Markup.Escape(a.Adapter)}[/]");
            }
            else
            {
                var version = a.Version is null ? "[red]--version failed[/]"
                    : a.Pinned ? Markup.Escape(a.Version)
                    : $"[yellow]{Markup.Escape(a.Version)}[/] (not the pinned version: zwarm agents install {Markup.Escape(a.Adapter)})";
                console.MarkupLine($"   version   {version}");
                console.MarkupLine($"   path      {Markup.Escape(a.Located.Path)}");
                console.MarkupLine($"   found in  {Markup.Escape(a.Located.SourceLabel)}");
            }
            if (a.Endpoint is { } e)
            {
                var state = e.Reachable switch
                {
                    true => "[green]answers[/]",
                    false => "[red]no answer[/]",
                    null => "[grey]not checked[/]",
                };
                console.MarkupLine(e.BaseUrl is null
                    ? $"   endpoint  {Markup.Escape(e.Detail)}"
                    : $"   endpoint  {Markup.Escape(e.BaseUrl)} {state}: {Markup.Escape(e.Detail)}");
            }
        }
    }
}
