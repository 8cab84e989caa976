// Starting a run: a new instance (task -> system prompt + task message) or a resumed one (saved conversation,
// repaired if a crash left a call unanswered, plus an optional new instruction). The shared lifecycle (run lock,
// running state, tools, engine, event log) is InstanceHost's.
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;
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
        var state = _host.NewState(_host.NewId(requestedId), InstanceKind.Orchestrator, task, maxSteps);
        var runLock = await _host.CreateAsync(state, cancellationToken).ConfigureAwait(false);
        var tools = _host.CreateTools(state);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, BuildSystemPrompt(tools, maxSteps)),
            new(ChatRole.User, task),
        };
        var run = NewRun(state, messages, tools, runLock, maxSteps);
        run.Untranscribed.AddRange(messages);
        Emit(run, _host.Started(state, task, maxSteps));
        Checkpoint(run);
        return run;
    }

    private Task<OrchestratorRun> ResumeAsync(string? idOrPrefix, string? newInstruction, int maxSteps, CancellationToken cancellationToken) =>
        _host.ResumeAsync(_host.Store.Resolve(idOrPrefix), saved =>
        {
            if (saved.Kind == InstanceKind.Pilot)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {saved.Id} is a pilot conversation; continue it with: zwarm pilot --resume --instance {saved.Id}");
            }
            if (saved.Status == InstanceStatus.Completed && newInstruction is null)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {saved.Id} already completed; give --task \"...\" to continue it with a new instruction");
            }
        }, (runLock, saved, messages) =>
        {
            var state = _host.Resumed(saved, maxSteps);
            var tools = _host.CreateTools(state);
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
            Emit(run, _host.ResumedEvent(state.Id, saved.Status, messages.Count, newInstruction, maxSteps));
            Checkpoint(run);
            return run;
        }, cancellationToken);

    private OrchestratorRun NewRun(InstanceState state, List<ChatMessage> messages, SessionTools tools, FileLock runLock, int maxSteps)
    {
        var engine = _host.CreateEngine(tools, setup.Config.Orchestrator.Llm);
        return new OrchestratorRun(state, messages, tools, engine, _host.OpenEvents(state.Id, runLock), runLock)
        {
            MaxSteps = maxSteps,
            StartedAt = Stopwatch.GetTimestamp(),
        };
    }

    private string BuildSystemPrompt(SessionTools tools, int maxSteps) =>
        SystemPrompt.Build(tools.Options, setup.Sessions.Agents.Names, setup.Sessions.Context.Config.Executor.Adapter, maxSteps,
            setup.Config.Orchestrator.Instructions);
}
