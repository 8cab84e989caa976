// delegate and converse: handing work to agents, within the allowed directories and the running-session cap.
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    private async Task<ToolOutcome> DelegateAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var task = args.RequiredString("task");
        var adapter = args.OptionalText("adapter");
        if (adapter is not null && !_sessions.Agents.TryGet(adapter, out _))
        {
            throw new ToolArgumentException(_sessions.Agents.UnknownMessage(adapter));
        }
        var model = args.OptionalText("model");
        var sandbox = args.OptionalText("sandbox");
        var directory = _directories.Resolve(args.OptionalText("working_dir"), Options.WorkingDirectory);

        var running = await RunningOwnCountAsync(cancellationToken).ConfigureAwait(false);
        if (running >= Options.MaxRunningSessions)
        {
            return Error($"{running} of your sessions are already running; the limit is {Options.MaxRunningSessions}",
                "wait_for_sessions until one stops, or end_session one you no longer need, then delegate again");
        }

        var meta = await _sessions.StartAsync(new StartRequest(task, adapter, model, directory, sandbox, Options.Source),
            cancellationToken).ConfigureAwait(false);
        var result = new DelegateResult(meta.Id, meta.Status.ToName(), meta.Adapter, string.IsNullOrEmpty(meta.Model) ? null : meta.Model,
            meta.WorkingDir, meta.Sandbox ?? "", running + 1, Options.MaxRunningSessions,
            "The agent works in the background. Delegate other independent work now, or wait_for_sessions to be woken when it finishes.");
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.DelegateResult), false,
            $"started {meta.Adapter} session {ShortId(meta.Id)} in {meta.WorkingDir}")
        {
            SessionIds = [meta.Id],
        };
    }

    private async Task<ToolOutcome> ConverseAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var id = args.RequiredString("session_id");
        var message = args.RequiredString("message");
        var current = await _sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        RequireOwn(current);
        if (!current.Status.IsStopped())
        {
            return Error($"session {ShortId(current.Id)} is still {current.Status.ToName()} (turn {current.Turn})",
                "wait_for_sessions until it stops before sending the next message (or end_session it)");
        }
        var running = await RunningOwnCountAsync(cancellationToken).ConfigureAwait(false);
        if (running >= Options.MaxRunningSessions)
        {
            return Error($"{running} of your sessions are already running; the limit is {Options.MaxRunningSessions}",
                "wait_for_sessions until one stops, then continue this one");
        }
        var meta = await _sessions.ContinueAsync(current.Id, message, cancellationToken).ConfigureAwait(false);
        var result = new ConverseResult(meta.Id, meta.Turn, meta.Status.ToName(),
            "The agent is working on your message in the background; wait_for_sessions to be woken when it replies.");
        return new ToolOutcome(Serialize(result, ToolJsonContext.Compact.ConverseResult), false,
            $"session {ShortId(meta.Id)} turn {meta.Turn} started")
        {
            SessionIds = [meta.Id],
        };
    }

    private void RequireOwn(SessionMeta meta)
    {
        if (Options.OwnSessionsOnly && !IsOwn(meta.Source))
        {
            throw new ToolArgumentException(
                $"session {ShortId(meta.Id)} was not started by you (source: {meta.Source}); you may read it but not change it");
        }
    }

    private async Task<int> RunningOwnCountAsync(CancellationToken cancellationToken) =>
        (await OwnSessionsAsync(cancellationToken).ConfigureAwait(false)).Count(s => !s.Status.IsStopped());
}
