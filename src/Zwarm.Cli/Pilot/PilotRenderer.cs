// What `zwarm pilot` shows: the model's reasoning (dim, can be hidden), its text and its tool calls as they stream,
// the one-line status after each turn, and the views behind :status, :history and :sessions. All on stdout, which
// is the conversation; errors go to stderr as one line each.
using Spectre.Console;
using Zwarm.Cli.Rendering;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Pilot;

namespace Zwarm.Cli.Pilot;

internal sealed class PilotRenderer(IAnsiConsole console)
{
    private readonly StreamedReply _reply = new(console, "[bold green]pilot:[/]");

    public bool ShowReasoning { get; set; } = true;

    public void OnStream(EngineEvent e)
    {
        switch (e)
        {
            case ReasoningDelta r when ShowReasoning:
                _reply.Reasoning(r.Text);
                break;
            case TextDelta t:
                _reply.Text(t.Text);
                break;
            case ModelCallCompleted:
                _reply.End();
                break;
            case ToolCallStarted c:
                Line(StreamedReply.ToolCallMarkup(c.Name, StreamedReply.Arguments(c.ArgumentsJson)));
                break;
            case ToolCallCompleted r:
                Line(StreamedReply.ToolResultMarkup(r.Outcome.IsError, r.Outcome.Summary));
                break;
        }
    }

    /// <summary>After a turn: how it ended, its checkpoint, and the sessions' states and spend.</summary>
    public void TurnEnded(PilotTurnResult result, PilotStatus status, IReadOnlyList<SessionSummary> sessions)
    {
        EndText();
        switch (result.End)
        {
            case PilotTurnEnd.StepLimit:
                console.MarkupLine($"[yellow]■ step limit of this turn reached ({result.Steps} model calls); say \"go on\" to continue[/]");
                break;
            case PilotTurnEnd.Interrupted:
                console.MarkupLine(result.Checkpoint is null
                    ? "[yellow]■ interrupted; nothing was kept (send the message again)[/]"
                    : "[yellow]■ interrupted; what the turn did so far is kept[/]");
                break;
            case PilotTurnEnd.Failed when result.Checkpoint is null:
                console.MarkupLine("[yellow]■ the message was not kept; send it again when the endpoint is back[/]");
                break;
        }
        if (result.DroppedCheckpoints > 0)
        {
            console.MarkupLine($"[grey]({Format.Count(result.DroppedCheckpoints, "later checkpoint")} discarded)[/]");
        }
        if (result.CompactedCheckpoints > 0)
        {
            console.MarkupLine($"[magenta]⟲ context compacted: {Format.Count(result.CompactedCheckpoints, "earlier checkpoint")} can no longer be restored[/]");
        }
        var label = result.Checkpoint?.Label ?? Checkpoint.LabelOf(status.Head);
        console.MarkupLine($"[blue]── {label}[/] [grey]{TerminalText.Escape(StatusLine(status, sessions))}[/]");
    }

    public static string StatusLine(PilotStatus status, IReadOnlyList<SessionSummary> sessions) =>
        $"sessions: {Counts(sessions)} · pilot {Format.Tokens(status.Usage.TotalTokens)} tokens {Format.Cost(status.CostUsd)} · " +
        $"sessions {Format.Tokens(sessions.Sum(s => s.InputTokens + s.OutputTokens))} tokens {Format.Cost(sessions.Sum(s => s.CostUsd ?? 0m))}";

    private static string Counts(IReadOnlyList<SessionSummary> sessions) =>
        $"{sessions.Count(s => !s.Status.IsStopped())} running · {sessions.Count(s => s.Status == SessionStatus.Completed)} completed · " +
        $"{sessions.Count(s => s.Status is SessionStatus.Failed or SessionStatus.Killed)} failed/killed";

    public void Status(PilotStatus status, IReadOnlyList<SessionSummary> sessions)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string k, string v) => grid.AddRow($"[grey]{k}[/]", TerminalText.Escape(v));
        Row("instance", status.InstanceId);
        Row("model", status.Endpoint);
        Row("checkpoint", $"{Checkpoint.LabelOf(status.Head)} of {Checkpoint.LabelOf(status.Latest)} · {Format.Count(status.Messages, "message")}");
        Row("steps", $"{status.Steps} model calls in all");
        var percent = status.ContextWindow > 0 ? 100.0 * status.ContextTokens / status.ContextWindow : 0;
        Row("context", $"~{Format.Tokens(status.ContextTokens)} of {Format.Tokens(status.ContextWindow)} tokens ({percent:0.#}%)".Replace(',', '.'));
        Row("spend", $"pilot {Format.Tokens(status.Usage.InputTokens)} in / {Format.Tokens(status.Usage.OutputTokens)} out {Format.Cost(status.CostUsd)} · " +
            $"sessions {Format.Tokens(sessions.Sum(s => s.InputTokens + s.OutputTokens))} tokens {Format.Cost(sessions.Sum(s => s.CostUsd ?? 0m))}");
        Row("sessions", Counts(sessions));
        console.Write(grid);
    }

    /// <summary>The last <paramref name="count"/> entries of the conversation (all when null).</summary>
    public void History(IReadOnlyList<ConversationEntry> entries, int? count)
    {
        if (entries.Count == 0)
        {
            console.MarkupLine("[grey](the conversation is empty)[/]");
            return;
        }
        var shown = count is { } n && entries.Count > n ? entries.Skip(entries.Count - n) : entries;
        foreach (var e in shown)
        {
            var label = $"[grey]{Checkpoint.LabelOf(e.Turn),-4}[/]";
            console.MarkupLine(e.Kind switch
            {
                EntryKind.User => $"{label} [bold blue]you:[/] {TerminalText.Escape(Format.OneLine(e.Text, 200))}",
                EntryKind.Assistant => $"{label} [bold green]pilot:[/] {TerminalText.Escape(Format.OneLine(e.Text, 200))}",
                EntryKind.ToolCall => $"{label}   [cyan]→ {TerminalText.Escape(e.Name ?? "?")}[/] [grey]{TerminalText.Escape(Format.OneLine(StreamedReply.Arguments(e.Text), 150))}[/]",
                _ => $"{label}     [grey]{TerminalText.Escape(Format.OneLine(e.Text, 150))}[/]",
            });
        }
    }

    public void Sessions(IReadOnlyList<SessionSummary> sessions, DateTimeOffset now)
    {
        if (sessions.Count == 0)
        {
            console.MarkupLine("[grey](no sessions yet)[/]");
            return;
        }
        console.Write(SessionTable.Build(sessions, now));
    }

    public void Line(string markup) => _reply.Line(markup);

    private void EndText() => _reply.End();
}
