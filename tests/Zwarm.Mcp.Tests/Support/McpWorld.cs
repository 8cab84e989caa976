// A project directory with a .zwarm state dir whose agent CLIs are the fake agent, an in-process SessionService on
// the same store (to look at what the server did), and `zwarm mcp` child processes driven by the SDK's client.
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Mcp.Tests.Support;

public sealed class McpWorld : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zwarm-mcp-").FullName;
    private readonly List<IAsyncDisposable> _clients = [];

    public McpWorld()
    {
        Directory.CreateDirectory(StateDir);
        File.WriteAllText(Path.Combine(StateDir, "config.toml"), $"""
            [executor]
            kill_grace_seconds = 1
            [adapters.codex]
            executable = "{FakeAgentPath}"
            [adapters.claude_code]
            executable = "{FakeAgentPath}"
            """);
        Environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = Path.Combine(_root, "fake-home"),
            ["ZWARM_STATE_DIR"] = null,
        };
        var document = ConfigDocument.Parse(File.ReadAllText(Path.Combine(StateDir, "config.toml")), "config.toml");
        var config = ZwarmConfig.Read(document, name => AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        Context = new ZwarmContext { StateDirectory = StateDir, WorkingDirectory = WorkDir, Environment = Environment, Config = config };
        Sessions = new SessionService(Context);
    }

    public static string FakeAgentPath => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    public string Root => _root;

    public string WorkDir => Path.Combine(_root, "work");

    public string StateDir => Path.Combine(WorkDir, ".zwarm");

    public Dictionary<string, string?> Environment { get; }

    public ZwarmContext Context { get; }

    public SessionService Sessions { get; }

    /// <summary>Starts `zwarm mcp ARGS` in the work directory and connects the SDK's client to it as "Test Client".</summary>
    public async Task<McpClient> ConnectAsync(CancellationToken cancellationToken, params string[] args)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "zwarm",
            Command = ZwarmBinary.Path,
            Arguments = ["mcp", .. args],
            WorkingDirectory = WorkDir,
            EnvironmentVariables = Environment,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        var client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "Test Client", Version = "1.0" },
            // What Claude Code and Codex speak; the SDK may otherwise negotiate 2026-07-28, where resources/subscribe
            // gives way to subscriptions/listen (not served yet).
            ProtocolVersion = "2025-11-25",
        }, cancellationToken: cancellationToken);
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15));
        }
        try
        {
            Sessions.KillAllAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(15));
        }
        catch (AggregateException)
        {
            // best effort: the temp dir goes anyway
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
