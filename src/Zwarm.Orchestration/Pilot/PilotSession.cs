// One open pilot conversation (an instance of kind pilot): runs the person's turns through the shared ChatEngine
// with the session tools (no exit; bash only when enabled), takes checkpoint T<n> after each turn, rewinds with
// Goto, and saves state.json, messages.json, transcript.jsonl and events.jsonl after every turn and rewind. Holds the
// instance's run lock while open, so two processes never drive one conversation.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Compaction;
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Telemetry;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Pilot;

public sealed partial class PilotSession : IDisposable
{
    private readonly InstanceHost _host;
    private readonly EventLog _events;
    private readonly FileLock _runLock;
    private readonly List<ChatMessage> _untranscribed = [];
    private TokenUsage _usage;
    private long? _lastInputTokens;
    private int _runSteps;
    private bool _closed;

    private PilotSession(InstanceHost host, InstanceState state, PilotConversation conversation, SessionTools tools, FileLock runLock,
        int maxStepsPerTurn)
    {
        _host = host;
        State = state;
        Conversation = conversation;
        Tools = tools;
        _events = host.OpenEvents(state.Id, runLock);
        _runLock = runLock;
        MaxStepsPerTurn = maxStepsPerTurn;
        _usage = state.Usage.ToTokenUsage();
        Engine = host.CreateEngine(tools, host.Setup.Config.Pilot.Llm, maxStepsPerTurn);
    }

    public InstanceState State { get; private set; }

    public PilotConversation Conversation { get; }

    public SessionTools Tools { get; }

    public ChatEngine Engine { get; }

    public int MaxStepsPerTurn { get; }

    public string InstanceDirectory => _host.Store.Directory(State.Id);

    private TimeProvider Time => _host.Time;

    /// <summary>
    /// Runs one turn for <paramref name="message"/>: streams to <paramref name="observer"/>, ends in a checkpoint and
    /// a save. Ctrl-C (<paramref name="cancellationToken"/>) and endpoint failures end the turn, never the conversation.
    /// </summary>
    public async Task<PilotTurnResult> RunTurnAsync(string message, Action<EngineEvent>? observer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        message = message.Trim();
        if (message.Length == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "empty message");
        }
        using var activity = OrchestrationTelemetry.Source.StartActivity("pilot.turn");
        activity?.SetTag("zwarm.instance", State.Id);
        activity?.SetTag("zwarm.model", _host.Endpoint.Model);
        var (live, dropped) = Conversation.BeginTurn();
        var compacted = Compact(live);
        var turn = Conversation.Head + 1;
        Emit(new UserMessage(turn, message));
        var before = live.Count;
        var steps = 0;
        var usage = TokenUsage.Zero;
        long? contextTokens = null;
        void Observe(EngineEvent e)
        {
            if (e is ModelCallCompleted done)
            {
                steps++;
                var u = ChatEngine.ToTokenUsage(done.Response.Usage);
                usage += u;
                _lastInputTokens = done.Response.Usage?.InputTokenCount;
                contextTokens = done.Response.Usage is { InputTokenCount: { } input } reported ? input + (reported.OutputTokenCount ?? 0) : null;
            }
            Record(e);
            observer?.Invoke(e);
        }

        PilotTurnEnd end;
        string? error = null;
        try
        {
            var result = await Engine.RunTurnAsync(live, message, Observe, cancellationToken, MaxStepsPerTurn).ConfigureAwait(false);
            end = result.End == TurnEnd.StepLimit ? PilotTurnEnd.StepLimit : PilotTurnEnd.Answered;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            end = PilotTurnEnd.Interrupted;
            Emit(new Interrupted("turn interrupted by the user"));
        }
        catch (ZwarmException e) when (e.Kind == ErrorKind.External)
        {
            end = PilotTurnEnd.Failed;
            error = e.Message;
            Emit(new ErrorOccurred(e.Message, "llm"));
        }
        _usage += usage;
        _runSteps += steps;
        ConversationRepair.CloseDanglingCalls(live);

        Checkpoint? checkpoint = null;
        if (end is PilotTurnEnd.Answered or PilotTurnEnd.StepLimit || live.Count > before + 1)
        {
            _untranscribed.AddRange(live.Skip(before));
            if (string.IsNullOrEmpty(State.Task))
            {
                // The first message kept names the conversation in `zwarm instances`.
                State = State with { Task = message };
            }
            checkpoint = Conversation.EndTurn(new Checkpoint
            {
                Turn = turn,
                Messages = live.Count,
                Message = message.Length <= 200 ? message : message[..200] + "…",
                Steps = State.Steps,
                ContextTokens = contextTokens,
                End = PilotTurnResult.Name(end),
                At = Time.GetUtcNow(),
            });
            Emit(new TurnEnded(checkpoint.Turn, checkpoint.End, steps, checkpoint.Messages, usage.InputTokens, usage.OutputTokens));
        }
        else
        {
            // Nothing but the message itself: drop it, so the person can simply send it again.
            Conversation.AbandonTurn();
        }
        Save();
        activity?.SetTag("zwarm.turn.end", PilotTurnResult.Name(end));
        return new PilotTurnResult(end, checkpoint, steps, usage, error) { DroppedCheckpoints = dropped, CompactedCheckpoints = compacted };
    }

    /// <summary>Moves the conversation to checkpoint <paramref name="turn"/> (and saves); returns the head it left.</summary>
    public int Goto(int turn)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var from = Conversation.Head;
        Conversation.Goto(turn);
        Emit(new Rewound(from, turn, Conversation.HeadMessages));
        Save();
        return from;
    }

    /// <summary>The sessions this conversation started, newest first.</summary>
    public Task<IReadOnlyList<SessionSummary>> SessionsAsync(CancellationToken cancellationToken) =>
        Tools.OwnSessionsAsync(cancellationToken);

    public PilotStatus Status()
    {
        var head = Conversation.Find(Conversation.Head);
        var messages = Conversation.Messages;
        var context = head?.ContextTokens ?? TokenEstimator.Estimate(messages);
        return new PilotStatus(State.Id, _host.Endpoint.Model, _host.Endpoint.Describe(), Conversation.Head, Conversation.Latest,
            messages.Count, State.Steps, _usage, Cost(), context, _host.Compactor.Settings.ContextWindow);
    }

    /// <summary>Saves state, conversation, transcript and events (after every turn and rewind; `:save` forces one).</summary>
    public void Save()
    {
        State = _host.Save(State with { Checkpoints = [.. Conversation.Checkpoints], Head = Conversation.Head }, _usage, Tools,
            Conversation.AllMessages, _untranscribed, _events);
    }

    /// <summary>Ends this run of the conversation: saved as paused (waiting for the person), resumable.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        var reason = $"waiting for you; continue with: zwarm pilot --resume --instance {State.Id}";
        Emit(new RunEnded(InstanceStatus.Paused.ToName(), reason, _runSteps, State.Steps, _usage.InputTokens, _usage.OutputTokens,
            Cost(), 0));
        State = State with { Status = InstanceStatus.Paused, StopReason = reason, Pid = null, PidStart = null };
        Save();
        _closed = true;
    }

    public void Dispose()
    {
        try
        {
            Close();
        }
        finally
        {
            _events.Dispose();
            _runLock.Dispose();
        }
    }

    private int Compact(List<ChatMessage> live)
    {
        if (_host.Compactor.Compact(live, PilotConversation.BaseMessages, _lastInputTokens) is not { } result)
        {
            return 0;
        }
        _lastInputTokens = null;
        var lost = Conversation.Compacted([.. result.Messages]);
        Emit(new Compacted(result.RemovedMessages, result.Messages.Count, result.TokensBefore, result.TokensAfter));
        return lost;
    }

    private void Record(EngineEvent e)
    {
        if (e is ModelCallCompleted)
        {
            State = State with { Steps = State.Steps + 1 };
        }
        else if (e is ToolCallCompleted { Name: ToolNames.Delegate, Outcome.IsError: false } delegated)
        {
            State = State with { Sessions = [.. State.Sessions, .. delegated.Outcome.SessionIds.Except(State.Sessions)] };
        }
        _host.Record(_events, e, State.Steps);
    }

    private void Emit(InstanceEvent e) => _host.Emit(_events, e, State.Steps);

    private decimal? Cost() => _host.Cost(_usage);
}
