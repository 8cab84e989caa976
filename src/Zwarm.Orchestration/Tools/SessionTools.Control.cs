// end_session, wait_for_sessions, sleep, exit: stopping sessions, waiting for them without polling, finishing.
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    private async Task<ToolOutcome> EndAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var meta = await _sessions.GetAsync(args.RequiredString("id"), cancellationToken).ConfigureAwait(false);
        RequireOwn(meta);
        var reason = args.OptionalText("reason");
        var delete = args.OptionalBool("delete") ?? false;
        var outcome = "already stopped";
        if (!meta.Status.IsStopped())
        {
            var kill = await _sessions.KillAsync(meta.Id, cancellationToken).ConfigureAwait(false);
            meta = kill.Session;
            outcome = kill.Outcome switch
            {
                KillOutcome.Interrupted => "stopped (interrupted)",
                KillOutcome.Terminated => "stopped (terminated)",
                KillOutcome.Killed => "stopped (killed)",
                KillOutcome.Finished => "finished on its own",
                KillOutcome.Refused => kill.Note ?? "not signalled",
                _ => "already stopped",
            };
        }
        if (delete)
        {
            await _sessions.RemoveAsync(meta.Id, force: true, cancellationToken).ConfigureAwait(false);
        }
        lock (_seenLock)
        {
            // Ended on purpose: it no longer needs attention.
            _seen[meta.Id] = meta.Turn;
        }
        var result = new EndResult(meta.Id, meta.Status.ToName(), outcome, delete, reason);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.EndResult), false,
            $"{ShortId(meta.Id)} {outcome}{(delete ? ", deleted" : "")}")
        {
            SessionIds = [meta.Id],
        };
    }

    private async Task<ToolOutcome> WaitAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var modeName = args.OptionalText("mode") ?? "any";
        var mode = modeName.ToLowerInvariant() switch
        {
            "any" => WaitMode.Any,
            "all" => WaitMode.All,
            _ => throw new ToolArgumentException("mode must be \"any\" or \"all\""),
        };
        var timeout = Options.DefaultWait;
        if (args.OptionalNumber("timeout_seconds") is { } seconds)
        {
            timeout = seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(seconds, Options.MaxWait.TotalSeconds));
        }
        var ids = args.OptionalStringList("ids")?.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (ids is null || ids.Count == 0)
        {
            ids = [.. (await OwnSessionsAsync(cancellationToken).ConfigureAwait(false)).Where(s => !s.Status.IsStopped()).Select(s => s.Id)];
            if (ids.Count == 0)
            {
                var none = new WaitReport(false, 0, mode == WaitMode.Any ? "any" : "all", [], [], [],
                    "None of your sessions is running: nothing to wait for.");
                return new ToolOutcome(Serialize(none, ToolJsonContext.Compact.WaitReport), false, "no running sessions");
            }
        }

        var time = _sessions.Context.Time;
        var started = time.GetTimestamp();
        var waited = await _sessions.WaitAsync(ids, mode, timeout, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        var rows = waited.Sessions.Select(m => Row(SessionSummaries.From(m))).ToList();
        var stopped = waited.Sessions.Where(m => m.Status.IsStopped()).Select(m => m.Id).ToList();
        var running = waited.Sessions.Where(m => !m.Status.IsStopped()).Select(m => m.Id).ToList();
        var next = stopped.Count > 0
            ? "Read the finished sessions' results with check_session before deciding what to do next."
            : "Nothing finished yet. Wait again, or look at what a session is doing with peek_session.";
        var report = new WaitReport(waited.TimedOut, Math.Round(elapsed.TotalSeconds, 1), mode == WaitMode.Any ? "any" : "all",
            rows, stopped, running, next);
        var summary = waited.TimedOut
            ? $"timed out after {elapsed.TotalSeconds:0}s; {running.Count} still running"
            : $"{stopped.Count} stopped ({string.Join(", ", waited.Sessions.Where(m => m.Status.IsStopped()).Select(m => $"{ShortId(m.Id)} {m.Status.ToName()}"))})" +
              (running.Count > 0 ? $", {running.Count} still running" : "");
        return new ToolOutcome(Serialize(report, ToolJsonContext.Compact.WaitReport), false, summary) { SessionIds = [.. waited.Sessions.Select(m => m.Id)] };
    }

    private async Task<ToolOutcome> SleepAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var seconds = args.OptionalNumber("seconds") ?? throw new ToolArgumentException("'seconds' is required (a number)");
        if (seconds < 0)
        {
            throw new ToolArgumentException("'seconds' must not be negative");
        }
        var duration = TimeSpan.FromSeconds(Math.Min(seconds, Options.MaxSleep.TotalSeconds));
        await Task.Delay(duration, _sessions.Context.Time, cancellationToken).ConfigureAwait(false);
        var own = await OwnSessionsAsync(cancellationToken).ConfigureAwait(false);
        var attention = own.Where(s => AttentionFor(s) is not null).Select(s => s.Id).ToList();
        var result = new SleepResult(duration.TotalSeconds, own.Count(s => !s.Status.IsStopped()), own.Count(s => s.Status.IsStopped()), attention);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.SleepResult), false,
            $"slept {duration.TotalSeconds:0}s" + (seconds > duration.TotalSeconds ? $" (capped from {seconds:0}s)" : ""));
    }

    private async Task<ToolOutcome> ExitAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var summary = args.RequiredString("summary");
        var running = (await OwnSessionsAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => !s.Status.IsStopped()).Select(s => s.Id).ToList();
        var result = new ExitResult(true, summary, running);
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.ExitResult), false, "exit: " + Short(summary.ReplaceLineEndings(" "), 120))
        {
            ExitSummary = summary,
        };
    }
}
