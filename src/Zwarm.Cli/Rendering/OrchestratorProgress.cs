// Live progress of `zwarm orchestrate` on stderr: each step with the sessions' states and spend, the model's
// streamed text, each tool call with a short result, watcher verdicts, compaction and how the run stopped.
using System.Globalization;
using Spectre.Console;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;

namespace Zwarm.Cli.Rendering;

internal sealed class OrchestratorProgress(IAnsiConsole console, bool showText = true)
{
    private readonly StreamedReply _reply = new(console, "[bold]orchestrator:[/]", "  ");

    public void OnEvent(InstanceEvent e)
    {
        switch (e)
        {
            case RunStarted s:
                Line($"[bold]orchestrator {TerminalText.Escape(s.Instance)}[/] [grey]{TerminalText.Escape($"{s.Provider} {s.Model} at {s.Endpoint.TrimEnd('/')} · up to {Format.Count(s.MaxSteps, "step")}")}[/]");
                break;
            case RunResumed r:
                Line($"[bold]resuming {TerminalText.Escape(r.Instance)}[/] [grey]{TerminalText.Escape($"(was {r.PreviousStatus}; {Format.Count(r.Messages, "message")}; {r.Model}; up to {Format.Count(r.MaxSteps, "more step")})")}[/]");
                break;
            case StepStarted s:
                var parts = new List<string> { $"{s.Running} running", $"{s.Stopped} stopped" };
                if (s.NeedsAttention > 0)
                {
                    parts.Add($"{s.NeedsAttention} need attention");
                }
                parts.Add($"{Format.Tokens(s.TotalTokens)} tokens");
                parts.Add(Format.Cost(s.CostUsd));
                Line($"[blue]── step {s.Step.ToString(CultureInfo.InvariantCulture)}[/] [grey]({s.StepsLeft} left) · {TerminalText.Escape(string.Join(" · ", parts))}[/]");
                break;
            case ToolCalled c:
                Line(StreamedReply.ToolCallMarkup(c.Name, StreamedReply.Arguments(c.Arguments)));
                break;
            case ToolReturned r:
                Line(StreamedReply.ToolResultMarkup(r.IsError, r.Summary));
                break;
            case WatcherChecked w when w.Action is not "continue" and not "nudge":
                Line($"  [yellow]⚑ {TerminalText.Escape(w.Watcher)}: {TerminalText.Escape(w.Action.ToUpperInvariant())}[/] {TerminalText.Escape(Format.OneLine(w.Message, 200))}");
                break;
            case WatcherChecked w when w.Action == "continue" && w.Message is not null:
                Line($"  [grey]⚑ {TerminalText.Escape(w.Watcher)}: {TerminalText.Escape(Format.OneLine(w.Message, 200))}[/]");
                break;
            case Nudged n:
                Line($"  [yellow]⚑ [[{TerminalText.Escape(n.Watcher)}]][/] {TerminalText.Escape(Format.OneLine(n.Message, 220))}");
                break;
            case Compacted c:
                Line($"  [magenta]⟲ context compacted:[/] [grey]{Format.Count(c.RemovedMessages, "message")} removed, ~{Format.Tokens(c.TokensBefore)} → ~{Format.Tokens(c.TokensAfter)} tokens[/]");
                break;
            case Exited x:
                Line($"[green]■ exit:[/] {TerminalText.Escape(Format.OneLine(x.Summary, 300))}");
                break;
            case Paused p:
                Line($"[yellow]■ paused by {TerminalText.Escape(p.Watcher)}:[/] {TerminalText.Escape(p.Reason)}");
                break;
            case Aborted a:
                Line($"[red]■ aborted by {TerminalText.Escape(a.Watcher)}:[/] {TerminalText.Escape(a.Reason)}");
                break;
            case StepLimitReached l:
                Line($"[yellow]■ step limit ({l.MaxSteps}) reached[/]");
                break;
            case Interrupted:
                Line("[yellow]■ interrupted; state saved[/]");
                break;
            case ErrorOccurred err:
                Line($"[red]■ error:[/] {TerminalText.Escape(err.Message)}");
                break;
        }
    }

    public void OnStream(EngineEvent e)
    {
        if (!showText)
        {
            return;
        }
        switch (e)
        {
            case ReasoningDelta r:
                _reply.Reasoning(r.Text);
                break;
            case TextDelta t:
                _reply.Text(t.Text);
                break;
            case ModelCallCompleted:
                _reply.End();
                break;
        }
    }

    private void Line(string markup) => _reply.Line(markup);
}
