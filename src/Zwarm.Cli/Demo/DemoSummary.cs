// The demo's closing lines: what ran, what it cost (had it been a real model), the files the agents wrote, and how
// to explore the sessions afterwards with the ordinary verbs.
using Spectre.Console;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Demo;

internal static class DemoSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SessionSummary> sessions, DemoLayout layout, string sampleId,
        TimeSpan elapsed, string zwarm, string workingDirectory)
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
            console.MarkupLine($"Files the agents wrote in {TerminalText.Escape(layout.Workspace)}: {TerminalText.Escape(string.Join(", ", files.Take(20)))}");
        }
        // Commands that work as printed from where the user stands: the same zwarm, the demo's state relative to here.
        var state = ZwarmInvocation.Word(Relative(layout.State, workingDirectory));
        var id = Format.ShortId(sampleId);
        console.MarkupLine("Explore them with the usual commands:");
        foreach (var verb in new[] { "ls", $"show {id}", $"traj {id}", $"logs {id} --turn 1" })
        {
            console.MarkupLine($"  [green]$[/] {TerminalText.Escape($"{zwarm} --state-dir {state} {verb}")}");
        }
        console.MarkupLine("Next, a real session in your own project (spawn finds the Codex CLI the demo used):");
        console.MarkupLine($"  [green]$[/] {TerminalText.Escape($"{zwarm} exec \"explain this repository\"")}   [grey]# OPENAI_API_KEY, or a logged-in Codex CLI[/]");
        console.MarkupLine($"  [green]$[/] {TerminalText.Escape($"{zwarm} agents use-local codex --base-url http://localhost:11434/v1 --model MODEL")}   [grey]# or a local model (Ollama)[/]");
    }

    private static string Relative(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
