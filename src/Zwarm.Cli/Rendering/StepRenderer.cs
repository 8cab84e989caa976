// Renders one trajectory step as terminal lines (used by traj, logs, watch and the REPL).
using System.Globalization;
using Spectre.Console;
using Zwarm.Core.Events;

namespace Zwarm.Cli.Rendering;

internal static class StepRenderer
{
    /// <param name="outputLines">How many lines of command/tool output to show; null shows all.</param>
    public static void Write(IAnsiConsole console, TrajectoryStep step, int? outputLines = 8)
    {
        var prefix = $"[grey]T{step.Turn}[/] ";
        switch (step.Kind)
        {
            case "message":
                console.MarkupLine($"{prefix}[bold]agent:[/] {TerminalText.Escape(step.Text ?? "")}");
                break;
            case "reasoning":
                console.MarkupLine($"{prefix}[grey italic]thinking: {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            case "command_started":
                console.MarkupLine($"{prefix}[cyan]$ {TerminalText.Escape(step.Command ?? "")}[/] [grey](running)[/]");
                break;
            case "command":
                var code = step.ExitCode is { } c ? c.ToString(CultureInfo.InvariantCulture) : "?";
                var colour = step.ExitCode == 0 ? "green" : "red";
                console.MarkupLine($"{prefix}[cyan]$ {TerminalText.Escape(step.Command ?? "")}[/] [{colour}](exit {code})[/]");
                WriteOutput(console, step.Output, outputLines);
                break;
            case "file_change":
                var changes = string.Join(", ", (step.Changes ?? []).Select(ch => $"{ch.Kind} {ch.Path}"));
                console.MarkupLine($"{prefix}[magenta]files:[/] {TerminalText.Escape(changes)}" + (step.IsError == true ? " [red](failed)[/]" : ""));
                break;
            case "tool_call":
                console.MarkupLine($"{prefix}[blue]tool {TerminalText.Escape(step.Tool ?? "?")}[/] {TerminalText.Escape(Format.OneLine(step.Text, 200))}");
                break;
            case "tool_result":
                console.MarkupLine($"{prefix}[blue]  -> {TerminalText.Escape(step.Tool ?? "")}[/]" + (step.IsError == true ? " [red](error)[/]" : ""));
                WriteOutput(console, step.Output, outputLines);
                break;
            case "usage":
                var u = step.Usage ?? TokenUsage.Zero;
                console.MarkupLine($"{prefix}[grey]tokens: in {Format.Tokens(u.InputTokens)} (cached {Format.Tokens(u.CachedInputTokens)}), out {Format.Tokens(u.OutputTokens)}[/]");
                break;
            case "error":
                console.MarkupLine($"{prefix}[red]error: {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            case "warning":
                console.MarkupLine($"{prefix}[yellow]warning: {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            case "permission_denied":
                console.MarkupLine($"{prefix}[yellow]denied {TerminalText.Escape(step.Tool ?? "")}: {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            case "turn_completed":
                console.MarkupLine($"{prefix}[green]turn completed[/]");
                break;
            case "turn_failed":
                console.MarkupLine($"{prefix}[red]turn failed: {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            case "conversation":
                console.MarkupLine($"{prefix}[grey]conversation {TerminalText.Escape(step.Text ?? "")}[/]");
                break;
            default:
                console.MarkupLine($"{prefix}[grey]{TerminalText.Escape(step.Kind)} {TerminalText.Escape(step.Tool ?? "")} {TerminalText.Escape(Format.OneLine(step.Text, 160))}[/]");
                break;
        }
    }

    private static void WriteOutput(IAnsiConsole console, string? output, int? maxLines)
    {
        if (string.IsNullOrEmpty(output))
        {
            return;
        }
        var lines = output.TrimEnd('\n').Split('\n');
        var shown = maxLines is { } max && lines.Length > max ? lines[..max] : lines;
        foreach (var line in shown)
        {
            console.MarkupLine($"[grey]    {TerminalText.Escape(line)}[/]");
        }
        if (shown.Length < lines.Length)
        {
            console.MarkupLine($"[grey]    ... {lines.Length - shown.Length} more lines (use --full)[/]");
        }
    }
}
