// The demo's closing lines: what ran, what it cost (had it been a real model), the files the agents wrote, and how
// to explore the sessions afterwards with the ordinary verbs.
using Spectre.Console;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Demo;

internal static class DemoSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SessionSummary> sessions, DemoLayout layout, string sampleId,
        TimeSpan elapsed)
    {
        var tokens = sessions.Sum(s => s.InputTokens + s.OutputTokens);
        var cost = sessions.Where(s => s.CostUsd is not null).Sum(s => s.CostUsd!.Value);
        console.WriteLine();
        console.MarkupLine($"[bold green]Done in {elapsed.TotalSeconds:0.0} s:[/] {Format.Count(sessions.Count, "session")}, {Format.Count(sessions.Sum(s => s.Turns), "turn")}, " +
            $"{Format.Tokens(tokens)} tokens, {Format.Cost(cost)} at list price (the scripted model is free).");
        var files = Directory.EnumerateFiles(layout.Workspace, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(layout.Workspace, f)).Order(StringComparer.Ordinal).ToList();
        if (files.Count > 0)
        {
            console.MarkupLine($"Files the agents wrote in {Markup.Escape(layout.Workspace)}: {Markup.Escape(string.Join(", ", files.Take(20)))}");
        }
        var state = layout.State.Contains(' ') ? $"\"{layout.State}\"" : layout.State;
        var id = Format.ShortId(sampleId);
        console.MarkupLine("Explore them with the usual commands:");
        foreach (var verb in new[] { "ls", $"show {id}", $"traj {id}", $"logs {id} --turn 1" })
        {
            console.MarkupLine($"  [green]$[/] {Markup.Escape($"zwarm --state-dir {state} {verb}")}");
        }
        console.MarkupLine("[grey]With OPENAI_API_KEY (or a logged-in Codex CLI), `zwarm spawn \"task\"` runs the same way against the real model.[/]");
    }
}
