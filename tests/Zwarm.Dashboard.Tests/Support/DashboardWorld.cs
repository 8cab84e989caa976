// A store to show: a real git repository (so sessions can be isolated) in a temp dir with its .zwarm state dir,
// sessions run by the fake agent (tests/Fixtures/Zwarm.FakeAgent), and the real dashboard server started on port 0
// in-process over the same store. Clients carry the bearer token (or nothing, to be refused). Reusable by the
// Browser/ tests: they need a started server, its login URL, and sessions to look at.
using System.Net.Http.Headers;
using CliWrap;
using CliWrap.Buffered;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Dashboard.Tests.Support;

public sealed class DashboardWorld : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zwarm-dash-").FullName;
    private readonly List<DashboardServer> _servers = [];
    private readonly List<HttpClient> _clients = [];

    public DashboardWorld()
    {
        Directory.CreateDirectory(Repo);
        File.WriteAllText(Path.Combine(_root, "gitconfig"), "[init]\n\tdefaultBranch = main\n[user]\n\tname = Test\n\temail = test@example.com\n");
        Environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = Path.Combine(_root, "fake-home"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = Path.Combine(_root, "gitconfig"),
            ["HOME"] = Path.Combine(_root, "home"),
            ["ZWARM_STATE_DIR"] = StateDir,
        };
        Git("init", "-q");
        File.WriteAllText(Path.Combine(Repo, "README.md"), "hello\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
        Directory.CreateDirectory(StateDir);
        File.WriteAllText(Path.Combine(StateDir, "config.toml"), $"""
            [executor]
            kill_grace_seconds = 1
            [adapters.codex]
            executable = "{FakeAgentPath}"
            [adapters.claude_code]
            executable = "{FakeAgentPath}"
            [worktree]
            root = "{Path.Combine(_root, "worktrees")}"
            """);
        var document = ConfigDocument.Parse(File.ReadAllText(Path.Combine(StateDir, "config.toml")), "config.toml");
        var config = ZwarmConfig.Read(document, name => AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        Context = new ZwarmContext { StateDirectory = StateDir, WorkingDirectory = Repo, Environment = Environment, Config = config };
        Sessions = new SessionService(Context);
    }

    public static string FakeAgentPath => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    /// <summary>The zwarm apphost built into this project's output.</summary>
    public static string ZwarmPath => Path.Combine(AppContext.BaseDirectory, "zwarm");

    public string Root => _root;

    public string Repo => Path.Combine(_root, "repo");

    public string StateDir => Path.Combine(Repo, ".zwarm");

    public Dictionary<string, string?> Environment { get; }

    public ZwarmContext Context { get; }

    public SessionService Sessions { get; }

    /// <summary>Starts a session (isolated in its own worktree when asked) and returns at once.</summary>
    public Task<SessionMeta> SpawnAsync(string task, bool isolated = false) =>
        Sessions.StartAsync(new StartRequest(task, "codex", Isolation: isolated ? IsolationMode.Worktree : IsolationMode.None), TestTimeout.After());

    /// <summary>Starts a session and waits until it stops.</summary>
    public async Task<SessionMeta> RunAsync(string task, bool isolated = false)
    {
        var meta = await SpawnAsync(task, isolated);
        return await WaitAsync(meta.Id);
    }

    public async Task<SessionMeta> WaitAsync(string id)
    {
        var result = await Sessions.WaitAsync([id], WaitMode.All, TimeSpan.FromSeconds(60), TestTimeout.After(90));
        Assert.False(result.TimedOut, "the session did not stop in time");
        return result.Sessions[0];
    }

    /// <summary>The real server on 127.0.0.1, any free port, over this store.</summary>
    public async Task<DashboardServer> StartServerAsync(bool readOnly = false, bool newToken = false)
    {
        var settings = new DashboardSettings(0, Path.Combine(StateDir, DashboardSettings.DefaultTokenFileName), "test")
        {
            ReadOnly = readOnly,
            NewToken = newToken,
        };
        var server = await DashboardServer.StartAsync(Sessions, settings, TestTimeout.After());
        _servers.Add(server);
        return server;
    }

    /// <summary>A client of <paramref name="server"/> with its token as a bearer (or none), no redirects, no cookies.</summary>
    public HttpClient Client(DashboardServer server, bool authorized = true)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (authorized)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        }
        _clients.Add(client);
        return client;
    }

    /// <summary>Runs the zwarm CLI on this store (to compare the API with the CLI's --json).</summary>
    public async Task<string> CliAsync(params string[] args)
    {
        var result = await CliWrap.Cli.Wrap(ZwarmPath).WithArguments(args).WithWorkingDirectory(Repo).WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(TestTimeout.After());
        Assert.True(result.ExitCode == 0, $"zwarm {string.Join(' ', args)} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    public void Git(params string[] args)
    {
        var result = CliWrap.Cli.Wrap("git").WithArguments(args).WithWorkingDirectory(Repo).WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(TestTimeout.After()).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)} failed: {result.StandardError}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        try
        {
            await Sessions.KillAllAsync(TestTimeout.After(30));
        }
        catch (Exception e) when (e is Zwarm.Core.ZwarmException or IOException or OperationCanceledException)
        {
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
