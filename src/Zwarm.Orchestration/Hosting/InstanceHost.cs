// The lifecycle every instance shares, whether `zwarm orchestrate` or `zwarm pilot` drives it: creating or resuming
// under the run lock, the running state (pid, endpoint, updated_at), tools, engine, compaction, stamped events and
// the save after every step or turn. Orchestrator and PilotSession keep only what differs (the loop; turns and
// checkpoints). One copy, so the two cannot drift again.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Compaction;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Hosting;

internal sealed class InstanceHost(OrchestratorSetup setup)
{
    public OrchestratorSetup Setup => setup;

    public InstanceStore Store { get; } = new(setup.Sessions.Context.StateDirectory);

    public ContextCompactor Compactor { get; } = new(setup.Config.Orchestrator.Compaction);

    public TimeProvider Time => setup.Sessions.Context.Time;

    public LlmEndpoint Endpoint => setup.Endpoint;

    /// <summary>Validates a requested id (null: a new one).</summary>
    public string NewId(string? requested) =>
        requested is not null && InstanceIds.Validate(requested) is { } problem
            ? throw new ZwarmException(ErrorKind.Usage, problem)
            : requested ?? Store.NewId();

    /// <summary>A fresh state for a new instance (running, this process, this endpoint).</summary>
    public InstanceState NewState(string id, InstanceKind kind, string task, int maxSteps)
    {
        var now = Time.GetUtcNow();
        return Running(new InstanceState
        {
            Id = id,
            Kind = kind,
            Task = task,
            CreatedAt = now,
            UpdatedAt = now,
            WorkingDir = setup.Sessions.Context.WorkingDirectory,
            Runs = 1,
        }, maxSteps);
    }

    /// <summary>Creates the instance's directory and takes its run lock.</summary>
    public async Task<FileLock> CreateAsync(InstanceState state, CancellationToken cancellationToken)
    {
        try
        {
            Store.Create(state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot create {Store.Directory(state.Id)}: {e.Message}");
        }
        return await Store.LockAsync(state.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the run lock of <paramref name="id"/>, loads its state and conversation (<paramref name="check"/> refuses
    /// the wrong kind or status) and hands them to <paramref name="open"/>; the lock is released if anything throws.
    /// </summary>
    public async Task<T> ResumeAsync<T>(string id, Action<InstanceState> check,
        Func<FileLock, InstanceState, List<ChatMessage>, T> open, CancellationToken cancellationToken)
    {
        var runLock = await Store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            var state = Store.LoadOrThrow(id);
            check(state);
            var messages = Store.LoadMessages(id);
            if (messages.Count == 0)
            {
                throw new ZwarmException(ErrorKind.State, $"instance {id} has no saved conversation ({Store.MessagesPath(id)})");
            }
            ConversationRepair.CloseDanglingCalls(messages);
            return open(runLock, state, messages);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>The state of a run that starts now: one more run, no stop reason, this process and endpoint.</summary>
    public InstanceState Resumed(InstanceState state, int maxSteps) =>
        Running(state with { Runs = state.Runs + 1, StopReason = null, Error = null }, maxSteps);

    public InstanceState Running(InstanceState state, int maxSteps) => state with
    {
        Status = InstanceStatus.Running,
        MaxSteps = maxSteps,
        UpdatedAt = Time.GetUtcNow(),
        Provider = setup.Endpoint.Provider.ToName(),
        Model = setup.Endpoint.Model,
        BaseUrl = setup.Endpoint.BaseUrlIsDefault ? null : setup.Endpoint.BaseUrl.ToString(),
        Pid = Environment.ProcessId,
        PidStart = ProcessInfo.TryGetStat(Environment.ProcessId)?.StartTime,
    };

    public SessionTools CreateTools(InstanceState state, Func<SessionToolOptions, SessionToolOptions>? adjust = null)
    {
        var context = setup.Sessions.Context;
        var project = SessionToolOptions.ProjectDirectory(context.StateDirectory, state.WorkingDir);
        var options = SessionToolOptions.From(setup.Config.Orchestrator, state.Source, project, state.WorkingDir);
        var tools = new SessionTools(setup.Sessions, adjust is null ? options : adjust(options));
        tools.RestoreSeenTurns(state.SeenTurns);
        return tools;
    }

    /// <summary>The engine over <paramref name="tools"/>; <paramref name="maxStepsPerTurn"/> null keeps the default.</summary>
    public ChatEngine CreateEngine(SessionTools tools, LlmSettings llm, int? maxStepsPerTurn = null)
    {
        var options = new ChatEngineOptions
        {
            Stream = llm.Stream,
            ReasoningEffort = llm.ReasoningEffort,
            MaxOutputTokens = llm.MaxOutputTokens,
            EndpointDescription = setup.Endpoint.Describe(),
        };
        return new ChatEngine(setup.Client, tools, maxStepsPerTurn is { } max ? options with { MaxStepsPerTurn = max } : options);
    }

    /// <summary>Opens the event log; releases <paramref name="runLock"/> if it cannot.</summary>
    public EventLog OpenEvents(string id, FileLock runLock)
    {
        try
        {
            return Store.OpenEvents(id);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    public RunStarted Started(InstanceState state, string task, int maxSteps) =>
        new(state.Id, task, setup.Endpoint.Provider.ToName(), setup.Endpoint.Model, setup.Endpoint.BaseUrl.ToString(), maxSteps,
            state.WorkingDir);

    public RunResumed ResumedEvent(string id, InstanceStatus previous, int messages, string? instruction, int maxSteps) =>
        new(id, previous.ToName(), messages, instruction, setup.Endpoint.Model, maxSteps);

    /// <summary>Stamps <paramref name="e"/> (time, step), appends it to the log and shows it.</summary>
    public void Emit(EventLog events, InstanceEvent e, int step)
    {
        var stamped = e with { Ts = Time.GetUtcNow(), Step = step };
        events.Append(stamped);
        setup.OnEvent?.Invoke(stamped);
    }

    /// <summary>The engine's events as log records (usage is the caller's).</summary>
    public void Record(EventLog events, EngineEvent e, int step)
    {
        switch (e)
        {
            case ModelCallCompleted done:
                Emit(events, EngineEventRecords.LlmCall(done, setup.Endpoint.Model), step);
                break;
            case ToolCallStarted started:
                Emit(events, EngineEventRecords.ToolCall(started), step);
                break;
            case ToolCallCompleted completed:
                Emit(events, EngineEventRecords.ToolResult(completed), step);
                break;
        }
    }

    /// <summary>
    /// Saves state (updated_at, usage, cost, seen turns), conversation and transcript, and makes the event log durable.
    /// Returns the state as saved.
    /// </summary>
    public InstanceState Save(InstanceState state, TokenUsage usage, SessionTools tools, IReadOnlyList<ChatMessage> messages,
        List<ChatMessage> untranscribed, EventLog events)
    {
        state = state with
        {
            UpdatedAt = Time.GetUtcNow(),
            Usage = TurnUsage.From(usage),
            CostUsd = Cost(usage),
            SeenTurns = tools.SeenTurns,
        };
        Store.SaveMessages(state.Id, messages);
        if (untranscribed.Count > 0)
        {
            Store.AppendTranscript(state.Id, untranscribed);
            untranscribed.Clear();
        }
        Store.Save(state);
        events.Sync();
        return state;
    }

    public decimal? Cost(TokenUsage usage) => setup.Sessions.Prices.Cost(setup.Endpoint.Model, usage);
}
