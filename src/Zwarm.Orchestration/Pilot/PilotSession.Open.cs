// Opening a pilot conversation: a new instance (system prompt only, checkpoint T0) or a saved one (its messages,
// checkpoints and head restored, a dangling call repaired, the system prompt rewritten for the tools on offer now).
// The shared lifecycle (run lock, running state, tools, engine, event log) is InstanceHost's.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
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
        var host = new InstanceHost(setup);
        return request.Resume
            ? await ResumeAsync(host, request, maxSteps, cancellationToken).ConfigureAwait(false)
            : await CreateAsync(host, request, maxSteps, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the newest pilot instance (for `--resume` without `--instance`).</summary>
    public static string Newest(InstanceStore store) =>
        store.List().Instances.FirstOrDefault(i => i.Kind == InstanceKind.Pilot)?.Id
            ?? throw new ZwarmException(ErrorKind.NotFound, "no pilot conversations yet (start one with: zwarm pilot)");

    private static async Task<PilotSession> CreateAsync(InstanceHost host, PilotRequest request, int maxSteps,
        CancellationToken cancellationToken)
    {
        var state = host.NewState(host.NewId(request.InstanceId), InstanceKind.Pilot, "", maxSteps);
        var runLock = await host.CreateAsync(state, cancellationToken).ConfigureAwait(false);
        var tools = CreateTools(host, state, request);
        List<ChatMessage> messages = [new(ChatRole.System, BuildPrompt(host.Setup, tools, maxSteps))];
        var session = new PilotSession(host, state, new PilotConversation(messages), tools, runLock, maxSteps);
        session._untranscribed.AddRange(messages);
        session.Emit(host.Started(state, "pilot conversation", maxSteps));
        session.Save();
        return session;
    }

    private static Task<PilotSession> ResumeAsync(InstanceHost host, PilotRequest request, int maxSteps, CancellationToken cancellationToken)
    {
        var id = request.InstanceId is null ? Newest(host.Store) : host.Store.Resolve(request.InstanceId);
        return host.ResumeAsync(id, saved =>
        {
            if (saved.Kind != InstanceKind.Pilot)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {id} is an orchestrator run, not a pilot conversation; continue it with: zwarm orchestrate --resume --instance {id}");
            }
        }, (runLock, saved, messages) =>
        {
            var state = host.Resumed(saved, maxSteps);
            var tools = CreateTools(host, state, request);
            if (messages[0].Role == ChatRole.System)
            {
                // The tools on offer may have changed (config, --bash): describe the current ones.
                messages[0] = new ChatMessage(ChatRole.System, BuildPrompt(host.Setup, tools, maxSteps));
            }
            var conversation = new PilotConversation(messages, state.Checkpoints, state.Head);
            var session = new PilotSession(host, state, conversation, tools, runLock, maxSteps);
            session.Emit(host.ResumedEvent(id, saved.LiveStatus(), messages.Count, null, maxSteps));
            session.Save();
            return session;
        }, cancellationToken);
    }

    private static SessionTools CreateTools(InstanceHost host, InstanceState state, PilotRequest request) =>
        host.CreateTools(state, options => options with
        {
            ExitEnabled = false,
            BashEnabled = request.Bash ?? host.Setup.Config.Pilot.BashEnabled,
        });

    private static string BuildPrompt(OrchestratorSetup setup, SessionTools tools, int maxSteps) =>
        PilotPrompt.Build(tools.Options, setup.Sessions.Agents.Names, setup.Sessions.Context.Config.Executor.Adapter, maxSteps,
            setup.Config.Orchestrator.Instructions);
}
