// A project directory with a .zwarm state dir whose agent CLIs are the fake agent fixture, plus helpers to run the
// orchestrator against a scripted model server (any of the three wire APIs) and collect its events.
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Config;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Watchers;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Support;

public sealed class OrchestrationWorld : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<InstanceEvent> _events = [];
    private readonly Lock _lock = new();

    /// <param name="toml">Extra config.toml text (e.g. watcher settings).</param>
    public OrchestrationWorld(string toml = "", IReadOnlyDictionary<string, string?>? env = null, string? codexExecutable = null)
    {
        Directory.CreateDirectory(WorkDir);
        Directory.CreateDirectory(StateDir);
        var environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = _dir.Combine("fake-home"),
            ["OPENAI_API_KEY"] = "test-key",
            ["ANTHROPIC_API_KEY"] = "test-key",
        };
        environment.Remove("OPENAI_BASE_URL");
        environment.Remove("ANTHROPIC_BASE_URL");
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            environment[k] = v;
        }
        ConfigText = $"""
            [executor]
            kill_grace_seconds = 1
            [adapters.codex]
            executable = "{codexExecutable ?? FakeAgentPath}"
            [adapters.claude_code]
            executable = "{FakeAgentPath}"
            {toml}
            """;
        File.WriteAllText(Path.Combine(StateDir, "config.toml"), ConfigText);
        var document = ConfigDocument.Parse(ConfigText, "config.toml");
        var core = ZwarmConfig.Read(document, name => AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        Config = OrchestrationConfig.Read(document);
        document.Validate();
        Context = new ZwarmContext
        {
            StateDirectory = StateDir,
            WorkingDirectory = WorkDir,
            Environment = environment,
            Config = core,
        };
        Sessions = new SessionService(Context);
    }

    public static string FakeAgentPath => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    public string Root => _dir.Path;

    public string WorkDir => _dir.Combine("work");

    public string StateDir => _dir.Combine("work", ".zwarm");

    public string ConfigText { get; }

    public OrchestrationConfig Config { get; }

    public ZwarmContext Context { get; }

    public SessionService Sessions { get; }

    public InstanceStore Store => new(StateDir);

    public IReadOnlyList<InstanceEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public static LlmSettings Llm(ScriptedModelServer server, LlmProvider provider = LlmProvider.OpenAI, string model = "gpt-test") => new()
    {
        Provider = provider,
        Model = model,
        BaseUrl = provider == LlmProvider.Anthropic ? server.BaseUrl : server.OpenAIBaseUrl,
        MaxRetries = 0,
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// An orchestrator whose LLM is <paramref name="server"/>; the config's LLM section is replaced.
    /// <paramref name="createClient"/> replaces the factory's choice of client (e.g. zwarm's own Anthropic client).
    /// </summary>
    public Orchestrator Orchestrator(ScriptedModelServer server, LlmProvider provider = LlmProvider.OpenAI, string model = "gpt-test",
        Func<OrchestrationConfig, OrchestrationConfig>? configure = null, WatcherPanel? watchers = null, bool stream = true,
        Func<LlmSettings, LlmEndpoint, Microsoft.Extensions.AI.IChatClient>? createClient = null)
    {
        var llm = Llm(server, provider, model) with { Stream = stream };
        var config = Config with { Orchestrator = Config.Orchestrator with { Llm = llm } };
        config = configure?.Invoke(config) ?? config;
        var factory = new ChatClientFactory(Context.Environment);
        var endpoint = factory.Resolve(config.Orchestrator.Llm);
        return new Orchestrator(new OrchestratorSetup
        {
            Sessions = Sessions,
            Client = createClient?.Invoke(config.Orchestrator.Llm, endpoint) ?? ChatClientFactory.Create(config.Orchestrator.Llm, endpoint),
            Endpoint = endpoint,
            Config = config,
            Watchers = watchers,
            ReviewerFactory = s => factory.Create(s with { BaseUrl = llm.BaseUrl, MaxRetries = 0 }),
            OnEvent = e =>
            {
                lock (_lock)
                {
                    _events.Add(e);
                }
            },
        });
    }

    public IEnumerable<T> EventsOf<T>() where T : InstanceEvent => Events.OfType<T>();

    public void Dispose()
    {
        // Never leave a fake agent running behind a failed test.
        try
        {
            Sessions.KillAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Core.ZwarmException or IOException)
        {
        }
        _dir.Dispose();
    }
}
