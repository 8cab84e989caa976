// What an Orchestrator is built from: the session service, the LLM client and its endpoint, the config, and the
// observers that render progress. The CLI builds one per `zwarm orchestrate`; tests build their own.
using Microsoft.Extensions.AI;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Config;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Watchers;

namespace Zwarm.Orchestration.Loop;

public sealed record OrchestratorSetup
{
    public required SessionService Sessions { get; init; }

    /// <summary>The orchestrator's LLM (from <see cref="ChatClientFactory"/>).</summary>
    public required IChatClient Client { get; init; }

    /// <summary>Where <see cref="Client"/> points (recorded in the instance, shown in errors).</summary>
    public required LlmEndpoint Endpoint { get; init; }

    /// <summary>[orchestrator], [watchers] (with command-line overrides already applied to the LLM settings).</summary>
    public OrchestrationConfig Config { get; init; } = OrchestrationConfig.Default;

    /// <summary>Watchers to run; null: the built-in ones enabled by <see cref="Config"/>.</summary>
    public WatcherPanel? Watchers { get; init; }

    /// <summary>Creates the llm watcher's client; null disables that watcher.</summary>
    public Func<LlmSettings, IChatClient>? ReviewerFactory { get; init; }

    /// <summary>Every event, as it is logged (progress rendering).</summary>
    public Action<InstanceEvent>? OnEvent { get; init; }

    /// <summary>Streaming text, reasoning and tool calls of the model.</summary>
    public Action<EngineEvent>? OnStream { get; init; }
}
