// One open pilot conversation (an instance of kind pilot): runs the person's turns through the shared ChatEngine
// with the session tools (no exit; bash only when enabled), takes checkpoint T<n> after each turn, rewinds with
// Goto, and saves state.json, messages.json, transcript.jsonl and events.jsonl after every turn and rewind. Holds the
// instance's run lock while open, so two processes never drive one conversation.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Compaction;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Pilot;

public sealed partial class PilotSession : IDisposable
{
    private readonly OrchestratorSetup _setup;
    private readonly InstanceStore _store;
    private readonly EventLog _events;
    private readonly FileLock _runLock;
    private readonly ContextCompactor _compactor;
    private readonly List<ChatMessage> _untranscribed = [];
    private TokenUsage _usage;
    private long? _lastInputTokens;
    private int _runSteps;
    private bool _closed;

    private PilotSession(OrchestratorSetup setup, InstanceStore store, InstanceState state, PilotConversation conversation,
        SessionTools tools, EventLog events, FileLock runLock, int maxStepsPerTurn)
    {
        _setup = setup;
        _store = store;
        State = state;
        Conversation = conversation;
        Tools = tools;
        _events = events;
        _runLock = runLock;
        MaxStepsPerTurn = maxStepsPerTurn;
        _usage = state.Usage.ToTokenUsage();
        _compactor = new ContextCompactor(setup.Config.Orchestrator.Compaction);
        var llm = setup.Config.Pilot.Llm;
        Engine = new ChatEngine(setup.Client, tools, new ChatEngineOptions
        {
            Stream = llm.Stream,
            ReasoningEffort = llm.ReasoningEffort,
            MaxOutputTokens = llm.MaxOutputTokens,
            EndpointDescription = setup.Endpoint.Describe(),
            MaxStepsPerTurn = maxStepsPerTurn,
        });
    }

    public InstanceState State { get; private set; }

    public PilotConversation Conversation { get; }

    public SessionTools Tools { get; }

    public ChatEngine Engine { get; }

    public int MaxStepsPerTurn { get; }

    public string InstanceDirectory => _store.Directory(State.Id);

    private TimeProvider Time => _setup.Sessions.Context.Time;

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
        return new PilotStatus(State.Id, _setup.Endpoint.Model, _setup.Endpoint.Describe(), Conversation.Head, Conversation.Latest,
            messages.Count, State.Steps, _usage, Cost(), context, _compactor.Settings.ContextWindow);
    }

    /// <summary>Saves state, conversation, transcript and events (after every turn and rewind; `:save` forces one).</summary>
    public void Save()
    {
        State = State with
        {
            UpdatedAt = Time.GetUtcNow(),
            Usage = TurnUsage.From(_usage),
            CostUsd = Cost(),
            SeenTurns = Tools.SeenTurns,
            Checkpoints = [.. Conversation.Checkpoints],
            Head = Conversation.Head,
        };
        _store.SaveMessages(State.Id, Conversation.AllMessages);
        if (_untranscribed.Count > 0)
        {
            _store.AppendTranscript(State.Id, _untranscribed);
            _untranscribed.Clear();
        }
        _store.Save(State);
        _events.Sync();
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
        if (_compactor.Compact(live, PilotConversation.BaseMessages, _lastInputTokens) is not { } result)
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
        switch (e)
        {
            case ModelCallCompleted done:
                State = State with { Steps = State.Steps + 1 };
                Emit(EngineEventRecords.LlmCall(done, _setup.Endpoint.Model));
                break;
            case ToolCallStarted started:
                Emit(EngineEventRecords.ToolCall(started));
                break;
            case ToolCallCompleted completed:
                if (completed.Name == ToolNames.Delegate && !completed.Outcome.IsError)
                {
                    State = State with { Sessions = [.. State.Sessions, .. completed.Outcome.SessionIds.Except(State.Sessions)] };
                }
                Emit(EngineEventRecords.ToolResult(completed));
                break;
        }
    }

    private void Emit(InstanceEvent e)
    {
        var stamped = e with { Ts = Time.GetUtcNow(), Step = State.Steps };
        _events.Append(stamped);
        _setup.OnEvent?.Invoke(stamped);
    }

    private decimal? Cost() => _setup.Sessions.Prices.Cost(_setup.Endpoint.Model, _usage);
}
