// `zwarm orchestrate`: the autonomous loop. Before each step: watchers (in parallel), their nudges injected,
// compaction when the context is large, a fresh observation. Then one engine step (model call + tool calls), and a
// checkpoint: state.json, messages.json and events.jsonl are saved after every step, so a stopped or crashed run
// resumes from its last completed step. Stops on exit, the step limit, a watcher's PAUSE or ABORT, an endpoint
// failure, or cancellation (Ctrl-C) — always saving state first.
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Telemetry;
using Zwarm.Orchestration.Tools;
using Zwarm.Orchestration.Watchers;

namespace Zwarm.Orchestration.Loop;

public sealed partial class Orchestrator(OrchestratorSetup setup)
{
    internal const string NoToolReminder =
        "[ZWARM] Your reply had no tool call, so nothing happened. Continue through the tools (delegate, wait_for_sessions, " +
        "check_session, converse, ...), or call exit with a summary if the task is done and verified.";

    private readonly InstanceHost _host = new(setup);
    private readonly WatcherPanel _watchers = setup.Watchers ?? WatcherPanel.Create(setup.Config.Watchers, setup.ReviewerFactory);

    private TimeProvider Time => _host.Time;

    public InstanceStore Store => _host.Store;

    public WatcherPanel Watchers => _watchers;

    /// <summary>
    /// Runs a new instance or resumes one. Bad requests (no task, unknown instance, an instance already running)
    /// throw a <see cref="ZwarmException"/> before anything runs; once running, every ending is a result with the
    /// state saved (an endpoint failure is status failed; Ctrl-C is status interrupted).
    /// </summary>
    public async Task<OrchestratorResult> RunAsync(OrchestratorRequest request, CancellationToken cancellationToken)
    {
        using var run = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        using var activity = OrchestrationTelemetry.Source.StartActivity("orchestrator.run");
        activity?.SetTag("zwarm.instance", run.State.Id);
        activity?.SetTag("zwarm.model", setup.Endpoint.Model);

        InstanceStatus status;
        string? reason;
        string? summary = null;
        try
        {
            (status, reason, summary) = await LoopAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = InstanceStatus.Interrupted;
            reason = "interrupted (Ctrl-C); resume with: zwarm orchestrate --resume --instance " + run.State.Id;
            Emit(run, new Interrupted("cancelled by the user"));
        }
        catch (ZwarmException e) when (e.Kind == ErrorKind.External)
        {
            status = InstanceStatus.Failed;
            reason = e.Message;
            Emit(run, new ErrorOccurred(e.Message, "llm"));
        }
        catch (Exception e)
        {
            // A bug must not lose the run: save what there is, then let it surface.
            Finish(run, InstanceStatus.Failed, $"internal error: {e.GetType().Name}: {e.Message}", null);
            throw;
        }
        activity?.SetTag("zwarm.status", status.ToName());
        return await FinishAsync(run, status, reason, summary).ConfigureAwait(false);
    }

    private async Task<(InstanceStatus, string?, string?)> LoopAsync(OrchestratorRun run, CancellationToken cancellationToken)
    {
        while (run.RunSteps < run.MaxSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stepNumber = run.State.Steps + 1;
            run.CurrentStep = stepNumber;
            using var activity = OrchestrationTelemetry.Source.StartActivity("orchestrator.step");
            activity?.SetTag("zwarm.instance", run.State.Id);
            activity?.SetTag("zwarm.step", stepNumber);

            var sessions = await run.Tools.OwnSessionsAsync(cancellationToken).ConfigureAwait(false);
            var verdict = await RunWatchersAsync(run, stepNumber, sessions, cancellationToken).ConfigureAwait(false);
            if (verdict is { Action: WatcherAction.Abort } abort)
            {
                Emit(run, new Aborted(abort.Watcher, abort.Message ?? "aborted"));
                return (InstanceStatus.Aborted, $"{abort.Watcher}: {abort.Message}", null);
            }
            if (verdict is { Action: WatcherAction.Pause } pause)
            {
                Emit(run, new Paused(pause.Watcher, pause.Message ?? "paused"));
                return (InstanceStatus.Paused, $"{pause.Watcher}: {pause.Message}", null);
            }

            Compact(run);
            run.RunSteps++;
            var observation = Observation.Build(stepNumber, run.RunSteps, run.MaxSteps, sessions, run.Tools, run.Usage, Cost(run), Time.GetUtcNow());
            var attention = sessions.Count(s => run.Tools.AttentionFor(s) is not null);
            Emit(run, new StepStarted(run.MaxSteps - run.RunSteps, sessions.Count(s => !s.Status.IsStopped()),
                sessions.Count(s => s.Status.IsStopped()), attention,
                run.Usage.TotalTokens + sessions.Sum(s => s.InputTokens + s.OutputTokens),
                (Cost(run) ?? 0m) + sessions.Sum(s => s.CostUsd ?? 0m), observation));

            var step = await run.Engine.StepAsync(run.Messages, [new ChatMessage(ChatRole.User, observation)],
                e => OnEngineEvent(run, e), cancellationToken).ConfigureAwait(false);
            run.Untranscribed.AddRange(step.AddedMessages);
            run.History.Add(new StepRecord(stepNumber, step.Text, [.. step.ToolCalls.Select(c => c.ToRecord())], Fingerprint(sessions)));
            var started = step.ToolCalls.Where(c => c.Name == ToolNames.Delegate && !c.Outcome.IsError).SelectMany(c => c.Outcome.SessionIds);
            run.State = run.State with { Steps = stepNumber, Sessions = [.. run.State.Sessions, .. started] };
            if (!step.HasToolCalls)
            {
                run.Add(new ChatMessage(ChatRole.User, NoToolReminder));
                Emit(run, new Nudged("zwarm", NoToolReminder));
            }
            Checkpoint(run);

            if (step.Interrupted)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            if (step.ExitSummary is { } exitSummary)
            {
                Emit(run, new Exited(exitSummary));
                return (InstanceStatus.Completed, exitSummary, exitSummary);
            }
        }
        Emit(run, new StepLimitReached(run.MaxSteps));
        return (InstanceStatus.StepLimit,
            $"step limit of {run.MaxSteps} reached; continue with: zwarm orchestrate --resume --instance {run.State.Id}", null);
    }

    private async Task<WatcherVerdict?> RunWatchersAsync(OrchestratorRun run, int stepNumber, IReadOnlyList<SessionSummary> sessions,
        CancellationToken cancellationToken)
    {
        var context = new WatcherContext
        {
            InstanceId = run.State.Id,
            Task = run.State.Task,
            Step = stepNumber,
            RunSteps = run.RunSteps,
            MaxRunSteps = run.MaxSteps,
            History = [.. run.History],
            Messages = [.. run.Messages],
            Sessions = sessions,
            OrchestratorUsage = run.Usage,
            OrchestratorCostUsd = Cost(run),
            Now = Time.GetUtcNow(),
        };
        using var activity = OrchestrationTelemetry.Source.StartActivity("orchestrator.watchers");
        var outcome = await _watchers.RunAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var v in outcome.Verdicts)
        {
            Emit(run, new WatcherChecked(v.Watcher, v.Action.ToName(), v.Message, v.Priority));
        }
        activity?.SetTag("zwarm.watchers.action", outcome.Action.ToName());
        if (outcome.Action is WatcherAction.Abort or WatcherAction.Pause)
        {
            return outcome.Decisive;
        }
        foreach (var nudge in outcome.Nudges)
        {
            run.Add(new ChatMessage(ChatRole.User, $"[WATCHER: {nudge.Watcher}] {nudge.Message}"));
            Emit(run, new Nudged(nudge.Watcher, nudge.Message!));
        }
        return outcome.Decisive;
    }

    private void Compact(OrchestratorRun run)
    {
        if (_host.Compactor.Compact(run.Messages, OrchestratorRun.ProtectedHead, run.LastInputTokens) is not { } result)
        {
            return;
        }
        run.Messages = [.. result.Messages];
        run.LastInputTokens = null;
        Emit(run, new Compacted(result.RemovedMessages, result.Messages.Count, result.TokensBefore, result.TokensAfter));
    }

    private void OnEngineEvent(OrchestratorRun run, EngineEvent e)
    {
        switch (e)
        {
            case ModelCallCompleted done:
                var usage = ChatEngine.ToTokenUsage(done.Response.Usage);
                run.Usage += usage;
                run.LastInputTokens = done.Response.Usage?.InputTokenCount;
                break;
        }
        _host.Record(run.Events, e, run.CurrentStep);
        setup.OnStream?.Invoke(e);
    }

    private void Emit(OrchestratorRun run, InstanceEvent e) => _host.Emit(run.Events, e, run.CurrentStep);

    /// <summary>Saves state, conversation and transcript, and makes the event log durable: a completed step is never lost.</summary>
    private void Checkpoint(OrchestratorRun run) =>
        run.State = _host.Save(run.State, run.Usage, run.Tools, run.Messages, run.Untranscribed, run.Events);

    private void Finish(OrchestratorRun run, InstanceStatus status, string? reason, string? summary)
    {
        var duration = Stopwatch.GetElapsedTime(run.StartedAt);
        var cost = Cost(run);
        Emit(run, new RunEnded(status.ToName(), reason, run.RunSteps, run.State.Steps, run.Usage.InputTokens, run.Usage.OutputTokens,
            cost, (long)duration.TotalMilliseconds));
        run.State = run.State with
        {
            Status = status,
            StopReason = reason,
            Summary = summary ?? run.State.Summary,
            Error = status == InstanceStatus.Failed ? reason : null,
            Pid = null,
            PidStart = null,
        };
        Checkpoint(run);
    }

    private async Task<OrchestratorResult> FinishAsync(OrchestratorRun run, InstanceStatus status, string? reason, string? summary)
    {
        Finish(run, status, reason, summary);
        IReadOnlyList<SessionSummary> sessions;
        try
        {
            sessions = await run.Tools.OwnSessionsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ZwarmException)
        {
            sessions = [];
        }
        return new OrchestratorResult(run.State.Id, status, reason, run.State.Summary, run.RunSteps, run.State.Steps, run.Usage,
            run.State.CostUsd, sessions, _host.Store.Directory(run.State.Id));
    }

    private decimal? Cost(OrchestratorRun run) => _host.Cost(run.Usage);

    private static string Fingerprint(IReadOnlyList<SessionSummary> sessions) =>
        string.Join(";", sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => $"{s.Id}:{s.Status.ToName()}:{s.Turns}"));
}
