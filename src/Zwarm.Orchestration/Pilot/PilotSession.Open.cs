// Opening a pilot conversation: a new instance (system prompt only, checkpoint T0) or a saved one (its messages,
// checkpoints and head restored, a dangling call repaired, the system prompt rewritten for the tools on offer now).
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Pilot;

public sealed partial class PilotSession
{
    /// <summary>
    /// Opens a new or saved conversation (see <see cref="PilotRequest"/>). Bad requests (unknown instance, an
    /// orchestrator instance, one open in another process) throw a one-line <see cref="ZwarmException"/>.
    /// </summary>
    public static async Task<PilotSession> OpenAsync(OrchestratorSetup setup, PilotRequest request, CancellationToken cancellationToken)
    {
        var maxSteps = request.MaxStepsPerTurn ?? setup.Config.Pilot.MaxStepsPerTurn;
        if (maxSteps < 1)
        {
            throw new ZwarmException(ErrorKind.Usage, "--max-steps-per-turn must be at least 1");
        }
        var store = new InstanceStore(setup.Sessions.Context.StateDirectory);
        return request.Resume
            ? await ResumeAsync(setup, store, request, maxSteps, cancellationToken).ConfigureAwait(false)
            : await CreateAsync(setup, store, request, maxSteps, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the newest pilot instance (for `--resume` without `--instance`).</summary>
    public static string Newest(InstanceStore store) =>
        store.List().Instances.FirstOrDefault(i => i.Kind == InstanceKind.Pilot)?.Id
            ?? throw new ZwarmException(ErrorKind.NotFound, "no pilot conversations yet (start one with: zwarm pilot)");

    private static async Task<PilotSession> CreateAsync(OrchestratorSetup setup, InstanceStore store, PilotRequest request, int maxSteps,
        CancellationToken cancellationToken)
    {
        if (request.InstanceId is { } requested && InstanceIds.Validate(requested) is { } problem)
        {
            throw new ZwarmException(ErrorKind.Usage, problem);
        }
        var id = request.InstanceId ?? store.NewId();
        var now = setup.Sessions.Context.Time.GetUtcNow();
        var state = Running(setup, new InstanceState
        {
            Id = id,
            Kind = InstanceKind.Pilot,
            Task = "",
            CreatedAt = now,
            UpdatedAt = now,
            WorkingDir = setup.Sessions.Context.WorkingDirectory,
            Runs = 1,
        }, maxSteps);
        try
        {
            store.Create(state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot create {store.Directory(id)}: {e.Message}");
        }
        var runLock = await store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        var tools = CreateTools(setup, state, request);
        List<ChatMessage> messages = [new(ChatRole.System, BuildPrompt(setup, tools, maxSteps))];
        var session = Assemble(setup, store, state, new PilotConversation(messages), tools, runLock, maxSteps);
        session._untranscribed.AddRange(messages);
        session.Emit(new RunStarted(id, "pilot conversation", setup.Endpoint.Provider.ToName(), setup.Endpoint.Model,
            setup.Endpoint.BaseUrl.ToString(), maxSteps, state.WorkingDir));
        session.Save();
        return session;
    }

    private static async Task<PilotSession> ResumeAsync(OrchestratorSetup setup, InstanceStore store, PilotRequest request, int maxSteps,
        CancellationToken cancellationToken)
    {
        var id = request.InstanceId is null ? Newest(store) : store.Resolve(request.InstanceId);
        var runLock = await store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            var saved = store.LoadOrThrow(id);
            if (saved.Kind != InstanceKind.Pilot)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {id} is an orchestrator run, not a pilot conversation; continue it with: zwarm orchestrate --resume --instance {id}");
            }
            var messages = store.LoadMessages(id);
            if (messages.Count == 0)
            {
                throw new ZwarmException(ErrorKind.State, $"instance {id} has no saved conversation ({store.MessagesPath(id)})");
            }
            var state = Running(setup, saved with { Runs = saved.Runs + 1, StopReason = null, Error = null }, maxSteps);
            var tools = CreateTools(setup, state, request);
            tools.RestoreSeenTurns(state.SeenTurns);
            ConversationRepair.CloseDanglingCalls(messages);
            if (messages[0].Role == ChatRole.System)
            {
                // The tools on offer may have changed (config, --bash): describe the current ones.
                messages[0] = new ChatMessage(ChatRole.System, BuildPrompt(setup, tools, maxSteps));
            }
            var conversation = new PilotConversation(messages, state.Checkpoints, state.Head);
            var session = Assemble(setup, store, state, conversation, tools, runLock, maxSteps);
            session.Emit(new RunResumed(id, saved.LiveStatus().ToName(), messages.Count, null, setup.Endpoint.Model, maxSteps));
            session.Save();
            return session;
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    private static PilotSession Assemble(OrchestratorSetup setup, InstanceStore store, InstanceState state, PilotConversation conversation,
        SessionTools tools, FileLock runLock, int maxSteps)
    {
        EventLog events;
        try
        {
            events = store.OpenEvents(state.Id);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
        return new PilotSession(setup, store, state, conversation, tools, events, runLock, maxSteps);
    }

    private static SessionTools CreateTools(OrchestratorSetup setup, InstanceState state, PilotRequest request)
    {
        var context = setup.Sessions.Context;
        var project = SessionToolOptions.ProjectDirectory(context.StateDirectory, state.WorkingDir);
        var options = SessionToolOptions.From(setup.Config.Orchestrator, state.Source, project, state.WorkingDir) with
        {
            ExitEnabled = false,
            BashEnabled = request.Bash ?? setup.Config.Pilot.BashEnabled,
        };
        return new SessionTools(setup.Sessions, options);
    }

    private static string BuildPrompt(OrchestratorSetup setup, SessionTools tools, int maxSteps) =>
        PilotPrompt.Build(tools.Options, setup.Sessions.Agents.Names, setup.Sessions.Context.Config.Executor.Adapter, maxSteps,
            setup.Config.Orchestrator.Instructions);

    private static InstanceState Running(OrchestratorSetup setup, InstanceState state, int maxSteps) => state with
    {
        Status = InstanceStatus.Running,
        MaxSteps = maxSteps,
        UpdatedAt = setup.Sessions.Context.Time.GetUtcNow(),
        Provider = setup.Endpoint.Provider.ToName(),
        Model = setup.Endpoint.Model,
        BaseUrl = setup.Endpoint.BaseUrlIsDefault ? null : setup.Endpoint.BaseUrl.ToString(),
        Pid = Environment.ProcessId,
        PidStart = ProcessInfo.TryGetStat(Environment.ProcessId)?.StartTime,
    };
}
