// What the reading tools report about a session (check_session's report, the rows of list_sessions and
// wait_for_sessions, a one-line activity): shared by several tools, so kept on the surface.
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    /// <summary>Everything check_session says about a session.</summary>
    internal SessionReport Report(SessionMeta meta)
    {
        var commands = 0;
        var files = new List<string>();
        TrajectoryStep? latest = null;
        var events = _sessions.ReadTurnEvents(meta, meta.Turn).Select(e =>
        {
            switch (e)
            {
                case CommandExecuted:
                    commands++;
                    break;
                case FileChanged { Succeeded: true } f:
                    files.AddRange(f.Changes.Select(c => $"{c.Kind} {c.Path}"));
                    break;
            }
            latest = Trajectory.ToStep(e, meta.Turn, 300) ?? latest;
            return e;
        });
        var digest = TurnDigest.From(events);
        var stopped = meta.Status.IsStopped();
        var usage = meta.TokenUsage;
        return new SessionReport
        {
            Id = meta.Id,
            Status = meta.Status.ToName(),
            Adapter = meta.Adapter,
            Model = string.IsNullOrEmpty(meta.Model) ? null : meta.Model,
            Task = Short(meta.Task, 2000) ?? "",
            WorkingDir = meta.WorkingDir,
            Sandbox = meta.Sandbox,
            Turns = meta.Turn,
            LastReply = stopped ? digest.LastMessage : null,
            Activity = stopped ? null : Describe(latest),
            Error = meta.Error,
            ExitCode = meta.ExitCode,
            Tokens = new TokenCounts(usage.GetValueOrDefault("input_tokens"), usage.GetValueOrDefault("cached_input_tokens"),
                usage.GetValueOrDefault("output_tokens")),
            CostUsd = meta.CostUsd,
            Commands = commands,
            FilesChanged = files.Distinct().ToList(),
            Workspace = meta.Workspace is { } w ? new WorkspaceStat(w.Branch, w.Added, w.Removed, w.FilesChanged) : null,
            Source = meta.Source,
            UpdatedAt = meta.UpdatedAt,
            TurnHistory = [.. meta.Turns.Select(t => new TurnSummary(t.Turn, t.Status.ToName(), t.ExitCode, t.Error, Short(t.Prompt, 200) ?? ""))],
        };
    }

    internal SessionRow Row(SessionSummary s)
    {
        // The reply preview is part of the summary (the index keeps it): no meta.json is read per row.
        var attention = AttentionFor(s);
        return new SessionRow(s.Id, s.Status.ToName(), s.Adapter, s.Turns, Short(s.Task.ReplaceLineEndings(" "), 160) ?? "", s.LastReply,
            s.InputTokens, s.OutputTokens, s.CostUsd, attention is not null, attention, IsOwn(s.Source) ? null : s.Source);
    }

    internal static string? Describe(TrajectoryStep? step) => step is null ? null : step.Kind switch
    {
        "message" => "said: " + step.Text,
        "command_started" => "running $ " + step.Command,
        "command" => $"ran $ {step.Command} (exit {step.ExitCode?.ToString() ?? "?"})",
        "file_change" => "changed " + string.Join(", ", (step.Changes ?? []).Select(c => c.Path)),
        "tool_call" => $"calling {step.Tool}",
        "reasoning" => "thinking: " + step.Text,
        _ => step.Kind + (step.Text is null ? "" : ": " + step.Text),
    };
}
