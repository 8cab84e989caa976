// The model side of an instance, composed once for both `zwarm orchestrate` and `zwarm pilot`: the endpoint
// resolved, OTLP tracing started when orchestrator.otlp_endpoint is set, the client (traced when tracing is on) and
// the llm watcher's client factory. Before this, each command composed its own and pilot never traced.
using Microsoft.Extensions.AI;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Config;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Telemetry;

namespace Zwarm.Orchestration.Hosting;

public sealed class ModelHost : IDisposable
{
    private readonly IDisposable? _tracing;

    private ModelHost(ChatClientFactory factory, LlmEndpoint endpoint, IDisposable? tracing, IChatClient client, bool traced)
    {
        Endpoint = endpoint;
        _tracing = tracing;
        Client = client;
        ReviewerFactory = settings => factory.Create(settings, traced);
    }

    public LlmEndpoint Endpoint { get; }

    public IChatClient Client { get; }

    /// <summary>Creates the llm watcher's client (traced like <see cref="Client"/>).</summary>
    public Func<LlmSettings, IChatClient> ReviewerFactory { get; }

    /// <summary>
    /// Resolves <paramref name="llm"/> (a one-line ZwarmException when a key or URL is missing), then starts tracing
    /// (resource instance id <paramref name="traceId"/>) and creates the client.
    /// </summary>
    public static ModelHost Start(IReadOnlyDictionary<string, string?> environment, LlmSettings llm, OrchestratorSettings orchestrator,
        string traceId)
    {
        var factory = new ChatClientFactory(environment);
        var endpoint = factory.Resolve(llm);
        var traced = orchestrator.OtlpEndpoint is not null;
        var tracing = Tracing.Start(orchestrator.OtlpEndpoint, orchestrator.OtlpProtocol, traceId);
        try
        {
            return new ModelHost(factory, endpoint, tracing, ChatClientFactory.Create(llm, endpoint, traced), traced);
        }
        catch
        {
            tracing?.Dispose();
            throw;
        }
    }

    /// <summary>What an Orchestrator or a PilotSession runs on.</summary>
    public OrchestratorSetup Setup(SessionService sessions, OrchestrationConfig config, Action<InstanceEvent>? onEvent = null,
        Action<EngineEvent>? onStream = null) => new()
        {
            Sessions = sessions,
            Client = Client,
            Endpoint = Endpoint,
            Config = config,
            ReviewerFactory = ReviewerFactory,
            OnEvent = onEvent,
            OnStream = onStream,
        };

    /// <summary>Disposes the client, then flushes and stops tracing (the last spans are exported).</summary>
    public void Dispose()
    {
        try
        {
            Client.Dispose();
        }
        finally
        {
            _tracing?.Dispose();
        }
    }
}
