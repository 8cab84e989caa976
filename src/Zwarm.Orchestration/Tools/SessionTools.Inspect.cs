// check_session, peek_session, get_trajectory, list_sessions: reading sessions (any session may be read).
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    /// <summary>Cap on the characters of one get_trajectory result, so a huge session cannot flood the context.</summary>
    internal const int MaxTrajectoryChars = 60_000;

    private async Task<ToolOutcome> CheckAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var meta = await _sessions.GetAsync(args.RequiredString("id"), cancellationToken).ConfigureAwait(false);
        var report = Report(meta);
        MarkSeen(meta);
        var summary = $"{ShortId(meta.Id)} {meta.Status.ToName()} turn {meta.Turn}" +
            (report.LastReply is { } r ? $": {Short(r.ReplaceLineEndings(" "), 100)}" : "");
        return new ToolOutcome(Serialize(report, ToolJsonContext.Compact.SessionReport), false, summary) { SessionIds = [meta.Id] };
    }

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
            Source = meta.Source,
            UpdatedAt = meta.UpdatedAt,
            TurnHistory = [.. meta.Turns.Select(t => new TurnSummary(t.Turn, t.Status.ToName(), t.ExitCode, t.Error, Short(t.Prompt, 200) ?? ""))],
        };
    }

    private async Task<ToolOutcome> PeekAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var meta = await _sessions.GetAsync(args.RequiredString("id"), cancellationToken).ConfigureAwait(false);
        string? preview = null;
        string? activity = null;
        if (meta.Status.IsStopped())
        {
            preview = Short(_sessions.DigestTurn(meta, meta.Turn).LastMessage, 500);
        }
        else
        {
            TrajectoryStep? latest = null;
            foreach (var e in _sessions.ReadTurnEvents(meta, meta.Turn))
            {
                latest = Trajectory.ToStep(e, meta.Turn, 300) ?? latest;
            }
            activity = Describe(latest) ?? "starting";
        }
        var result = new PeekResult(meta.Id, meta.Status.ToName(), meta.Turn, preview, activity, Short(meta.Error, 500), meta.UpdatedAt);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.PeekResult), false,
            $"{ShortId(meta.Id)} {meta.Status.ToName()}: {Short((preview ?? activity ?? "").ReplaceLineEndings(" "), 100)}")
        {
            SessionIds = [meta.Id],
        };
    }

    private async Task<ToolOutcome> TrajectoryAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var meta = await _sessions.GetAsync(args.RequiredString("id"), cancellationToken).ConfigureAwait(false);
        var full = args.OptionalBool("full") ?? false;
        var turns = Enumerable.Range(1, Math.Max(1, meta.Turn)).ToList();
        if (args.OptionalNumber("turn") is { } t)
        {
            var n = (int)t;
            if (n < 1 || n > meta.Turn)
            {
                throw new ToolArgumentException($"turn must be between 1 and {meta.Turn}");
            }
            turns = [n];
        }
        var steps = new List<TrajectoryStep>();
        foreach (var n in turns)
        {
            foreach (var e in _sessions.ReadTurnEvents(meta, n))
            {
                // A finished command appears once, with its result.
                if (e is CommandStarted && (n < meta.Turn || meta.Status.IsStopped()))
                {
                    continue;
                }
                if (Trajectory.ToStep(e, n, full ? null : Trajectory.DefaultMaxText) is { } step && step.Kind != "usage")
                {
                    steps.Add(step);
                }
            }
        }
        // Keep the latest steps within the size cap; the model is told how many were left out.
        var kept = new List<TrajectoryStep>();
        var size = 0;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var stepSize = Serialize(steps[i], ToolJsonContext.Compact.TrajectoryStep).Length;
            if (size + stepSize > MaxTrajectoryChars && kept.Count > 0)
            {
                break;
            }
            size += stepSize;
            kept.Add(steps[i]);
        }
        kept.Reverse();
        var result = new TrajectoryResult(meta.Id, meta.Status.ToName(), meta.Turn, kept, steps.Count - kept.Count, full);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.TrajectoryResult), false,
            $"{kept.Count} steps of {ShortId(meta.Id)}" + (steps.Count > kept.Count ? $" ({steps.Count - kept.Count} earlier omitted)" : ""))
        {
            SessionIds = [meta.Id],
        };
    }

    private async Task<ToolOutcome> ListAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        SessionStatus? status = null;
        if (args.OptionalText("status") is { } statusName)
        {
            status = SessionStatusExtensions.TryParse(statusName, out var s)
                ? s
                : throw new ToolArgumentException("status must be one of pending, running, completed, failed, killed");
        }
        var all = args.OptionalBool("all") ?? false;
        var listing = await _sessions.ListAsync(cancellationToken, status).ConfigureAwait(false);
        var rows = listing.Sessions.Where(s => all || IsOwn(s.Source)).Select(Row).ToList();
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var attention = rows.Where(r => r.NeedsAttention).Select(r => r.Id).ToList();
        var result = new ListResult(rows, counts, attention, all ? "all" : "own", Options.MaxRunningSessions);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.ListResult), false,
            $"{rows.Count} sessions" + (counts.Count > 0 ? $" ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))})" : "") +
            (attention.Count > 0 ? $", {attention.Count} need attention" : ""));
    }

    internal SessionRow Row(SessionSummary s)
    {
        var attention = AttentionFor(s);
        string? preview = null;
        if (s.Status.IsStopped())
        {
            try
            {
                if (_sessions.Store.Load(s.Id) is { } meta)
                {
                    preview = Short(LastReply(meta)?.ReplaceLineEndings(" "), 200);
                }
            }
            catch (Exception e) when (e is CorruptSessionException or IOException)
            {
                preview = null;
            }
        }
        return new SessionRow(s.Id, s.Status.ToName(), s.Adapter, s.Turns, Short(s.Task.ReplaceLineEndings(" "), 160) ?? "", preview,
            s.InputTokens, s.OutputTokens, s.CostUsd, attention is not null, attention, IsOwn(s.Source) ? null : s.Source);
    }

    /// <summary>The latest turn's last reply as recorded in meta.json (cheap: no turn file is read).</summary>
    private static string? LastReply(SessionMeta meta)
    {
        for (var i = meta.Messages.Count - 1; i >= 0; i--)
        {
            var m = meta.Messages[i];
            if (m.Role == "user")
            {
                return null;
            }
            if (m.Role == "assistant" && !string.IsNullOrWhiteSpace(m.Content))
            {
                return m.Content;
            }
        }
        return null;
    }

    private static string? Describe(TrajectoryStep? step) => step is null ? null : step.Kind switch
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
