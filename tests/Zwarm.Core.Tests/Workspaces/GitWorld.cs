// A real git repository in a temp dir with a session service whose agent is the fake agent (tests/Fixtures/
// Zwarm.FakeAgent), worktrees under the same temp dir (worktree.root), and git isolated from the machine's config.
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;
using Zwarm.Core.Workspaces;

namespace Zwarm.Core.Tests.Workspaces;

public sealed class GitWorld : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string?> _environment;

    public GitWorld(IEnumerable<string>? configOverrides = null, IReadOnlyDictionary<string, string?>? extraEnv = null,
        bool init = true)
    {
        Directory.CreateDirectory(Repo);
        _environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = _dir.Combine("fake-home"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = _dir.Combine("gitconfig"),
            ["HOME"] = _dir.Combine("home"),
        };
        File.WriteAllText(_dir.Combine("gitconfig"), "[init]\n\tdefaultBranch = main\n");
        foreach (var (k, v) in extraEnv ?? new Dictionary<string, string?>())
        {
            _environment[k] = v;
        }
        Git = new GitRunner(_environment);
        if (init)
        {
            Run(Repo, "init", "-q");
            File.WriteAllText(Path.Combine(Repo, "README.md"), "hello\n");
            File.WriteAllText(Path.Combine(Repo, ".gitignore"), ".env\n*.local.json\n");
            Commit("initial");
        }
        Reconfigure(configOverrides ?? []);
    }

    public string Repo => _dir.Combine("repo");

    public string WorktreeRoot => _dir.Combine("worktrees");

    public string Temp(string name) => _dir.Combine(name);

    internal GitRunner Git { get; }

    public ZwarmContext Context { get; private set; } = null!;

    public SessionService Sessions { get; private set; } = null!;

    public WorkspaceService Workspaces { get; private set; } = null!;

    /// <summary>Rebuilds the services with these config overrides (worktree.root always points into the temp dir).</summary>
    public void Reconfigure(IEnumerable<string> overrides, string? workingDirectory = null)
    {
        var all = new List<string>
        {
            $"adapters.codex.executable={Toml(FakeAgentWorld.FakeAgentPath)}",
            $"adapters.claude_code.executable={Toml(FakeAgentWorld.FakeAgentPath)}",
            $"worktree.root={Toml(WorktreeRoot)}",
        };
        all.AddRange(overrides);
        var document = ConfigDocument.Parse("", null, all);
        var config = ZwarmConfig.Read(document, name => AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        document.Validate();
        Context = new ZwarmContext
        {
            StateDirectory = Path.Combine(Repo, ".zwarm"),
            WorkingDirectory = workingDirectory ?? Repo,
            Environment = _environment,
            Config = config,
        };
        Sessions = new SessionService(Context);
        Workspaces = new WorkspaceService(Sessions);
    }

    /// <summary>Runs git (as zwarm, so commits need no identity); fails the test on a non-zero exit.</summary>
    public string Run(string directory, params string[] arguments)
    {
        var result = Git.RunAsync(directory, arguments, new GitCall(AsZwarm: true), CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.Error}");
        return result.Output;
    }

    public void Commit(string message, string? directory = null)
    {
        Run(directory ?? Repo, "add", "-A");
        Run(directory ?? Repo, "commit", "-q", "-m", message);
    }

    public string Head(string? directory = null) => Run(directory ?? Repo, "rev-parse", "HEAD").Trim();

    /// <summary>`git status --porcelain` of the user's tree (empty = clean).</summary>
    public string Status(string? directory = null) => Run(directory ?? Repo, "--no-optional-locks", "status", "--porcelain");

    public async Task<SessionMeta> SpawnAndWaitAsync(string task, string adapter = "codex", bool worktree = true,
        string? branch = null, string? baseRef = null, bool carry = false)
    {
        var meta = await Sessions.StartAsync(new StartRequest(task, adapter,
            Isolation: worktree ? IsolationMode.Worktree : null, Branch: branch, Base: baseRef, Carry: carry), CancellationToken.None);
        return await WaitAsync(meta.Id);
    }

    public async Task<SessionMeta> WaitAsync(string id)
    {
        var result = await Sessions.WaitAsync([id], WaitMode.All, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.False(result.TimedOut, "the session did not stop in time");
        return result.Sessions[0];
    }

    public async Task<SessionMeta> ContinueAndWaitAsync(string id, string message)
    {
        await Sessions.ContinueAsync(id, message, CancellationToken.None);
        return await WaitAsync(id);
    }

    private static string Toml(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public void Dispose()
    {
        try
        {
            Sessions.KillAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ZwarmException or IOException)
        {
        }
        _dir.Dispose();
    }
}
