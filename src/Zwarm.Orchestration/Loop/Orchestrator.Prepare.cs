// Starting a run: a new instance (task -> system prompt + task message) or a resumed one (saved conversation,
// repaired if a crash left a call unanswered, plus an optional new instruction).
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

public sealed partial class Orchestrator
{
    private async Task<OrchestratorRun> PrepareAsync(OrchestratorRequest request, CancellationToken cancellationToken)
    {
        var maxSteps = request.MaxSteps ?? setup.Config.Orchestrator.MaxSteps;
        if (maxSteps < 1)
        {
            throw new ZwarmException(ErrorKind.Usage, "--max-steps must be at least 1");
        }
        var task = string.IsNullOrWhiteSpace(request.Task) ? null : request.Task.Trim();
        return request.Resume
            ? await ResumeAsync(request.InstanceId, task, maxSteps, cancellationToken).ConfigureAwait(false)
            : await CreateAsync(request.InstanceId, task, maxSteps, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrchestratorRun> CreateAsync(string? requestedId, string? task, int maxSteps, CancellationToken cancellationToken)
    {
        if (task is null)
        {
            throw new ZwarmException(ErrorKind.Usage, "no task: give --task \"...\", --task-file FILE, or pipe it on stdin");
        }
        if (requestedId is not null && InstanceIds.Validate(requestedId) is { } problem)
        {
            throw new ZwarmException(ErrorKind.Usage, problem);
        }
        var id = requestedId ?? _store.NewId();
        var now = Time.GetUtcNow();
        var state = new InstanceState
        {
            Id = id,
            Task = task,
            Status = InstanceStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            WorkingDir = setup.Sessions.Context.WorkingDirectory,
            Runs = 1,
        };
        state = Running(state, maxSteps);
        try
        {
            _store.Create(state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot create {_store.Directory(id)}: {e.Message}");
        }
        var runLock = await _store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        var tools = CreateTools(state);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, BuildSystemPrompt(tools, maxSteps)),
            new(ChatRole.User, task),
        };
        var run = NewRun(state, messages, tools, runLock, maxSteps);
        run.Untranscribed.AddRange(messages);
        Emit(run, new RunStarted(id, task, setup.Endpoint.Provider.ToName(), setup.Endpoint.Model, setup.Endpoint.BaseUrl.ToString(),
            maxSteps, state.WorkingDir));
        Checkpoint(run);
        return run;
    }

    private async Task<OrchestratorRun> ResumeAsync(string? idOrPrefix, string? newInstruction, int maxSteps,
        CancellationToken cancellationToken)
    {
        var id = _store.Resolve(idOrPrefix);
        var runLock = await _store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            var state = _store.LoadOrThrow(id);
            if (state.Kind == InstanceKind.Pilot)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {id} is a pilot conversation; continue it with: zwarm pilot --resume --instance {id}");
            }
            if (state.Status == InstanceStatus.Completed && newInstruction is null)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {id} already completed; give --task \"...\" to continue it with a new instruction");
            }
            var messages = _store.LoadMessages(id);
            if (messages.Count == 0)
            {
                throw new ZwarmException(ErrorKind.State, $"instance {id} has no saved conversation ({_store.MessagesPath(id)})");
            }
            var previous = state.Status;
            state = Running(state with { Runs = state.Runs + 1, StopReason = null, Error = null, UpdatedAt = Time.GetUtcNow() }, maxSteps);
            var tools = CreateTools(state);
            tools.RestoreSeenTurns(state.SeenTurns);
            ConversationRepair.CloseDanglingCalls(messages);
            if (messages[0].Role == ChatRole.System)
            {
                // The tools on offer may have changed (config, flags): describe the current ones.
                messages[0] = new ChatMessage(ChatRole.System, BuildSystemPrompt(tools, maxSteps));
            }
            var run = NewRun(state, messages, tools, runLock, maxSteps);
            run.Usage = state.Usage.ToTokenUsage();
            run.History.AddRange(ConversationRepair.RebuildHistory(messages));
            run.CurrentStep = state.Steps;
            if (newInstruction is not null)
            {
                run.Add(new ChatMessage(ChatRole.User, $"New instruction from the user: {newInstruction}"));
            }
            Emit(run, new RunResumed(id, previous.ToName(), messages.Count, newInstruction, setup.Endpoint.Model, maxSteps));
            Checkpoint(run);
            return run;
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    private OrchestratorRun NewRun(InstanceState state, List<ChatMessage> messages, SessionTools tools, FileLock runLock, int maxSteps)
    {
        var llm = setup.Config.Orchestrator.Llm;
        var engine = new ChatEngine(setup.Client, tools, new ChatEngineOptions
        {
            Stream = llm.Stream,
            ReasoningEffort = llm.ReasoningEffort,
            MaxOutputTokens = llm.MaxOutputTokens,
            EndpointDescription = setup.Endpoint.Describe(),
        });
        EventLog events;
        try
        {
            events = _store.OpenEvents(state.Id);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
        return new OrchestratorRun(state, messages, tools, engine, events, runLock)
        {
            MaxSteps = maxSteps,
            StartedAt = Stopwatch.GetTimestamp(),
        };
    }

    private SessionTools CreateTools(InstanceState state)
    {
        var context = setup.Sessions.Context;
        var project = SessionToolOptions.ProjectDirectory(context.StateDirectory, state.WorkingDir);
        return new SessionTools(setup.Sessions,
            SessionToolOptions.From(setup.Config.Orchestrator, state.Source, project, state.WorkingDir));
    }

    private string BuildSystemPrompt(SessionTools tools, int maxSteps) =>
        SystemPrompt.Build(tools.Options, setup.Sessions.Agents.Names, setup.Sessions.Context.Config.Executor.Adapter, maxSteps,
            setup.Config.Orchestrator.Instructions);

    private InstanceState Running(InstanceState state, int maxSteps) => state with
    {
        Status = InstanceStatus.Running,
        MaxSteps = maxSteps,
        Provider = setup.Endpoint.Provider.ToName(),
        Model = setup.Endpoint.Model,
        BaseUrl = setup.Endpoint.BaseUrlIsDefault ? null : setup.Endpoint.BaseUrl.ToString(),
        Pid = Environment.ProcessId,
        PidStart = ProcessInfo.TryGetStat(Environment.ProcessId)?.StartTime,
    };
}
