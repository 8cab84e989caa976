// A session service over a temp state dir whose agent CLIs are the fake agent fixture (tests/Fixtures/Zwarm.FakeAgent),
// which answers to the same command lines as codex / claude and prints their JSONL shapes.
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Support;

public sealed class FakeAgentWorld : IDisposable
{
    private readonly TempDirectory _dir = new();

    public FakeAgentWorld(TimeSpan? killGrace = null, IReadOnlyDictionary<string, string?>? extraEnv = null, string? codexExecutable = null)
    {
        Directory.CreateDirectory(WorkDir);
        var env = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = _dir.Combine("fake-home"),
        };
        foreach (var (k, v) in extraEnv ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }
        var overrides = new List<string>
        {
            $"adapters.codex.executable={Toml(codexExecutable ?? FakeAgentPath)}",
            $"adapters.claude_code.executable={Toml(FakeAgentPath)}",
            $"executor.kill_grace_seconds={(killGrace ?? TimeSpan.FromSeconds(3)).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
        var document = ConfigDocument.Parse("", null, overrides);
        var config = ZwarmConfig.Read(document, name => Zwarm.Core.Agents.AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        document.Validate();
        Context = new ZwarmContext
        {
            StateDirectory = _dir.Combine(".zwarm"),
            WorkingDirectory = WorkDir,
            Environment = env,
            Config = config,
        };
        Sessions = new SessionService(Context);
    }

    public static string FakeAgentPath => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    public string WorkDir => _dir.Combine("work");

    public ZwarmContext Context { get; }

    public SessionService Sessions { get; }

    /// <summary>A second, independent service over the same store (as another zwarm process would be).</summary>
    public SessionService NewService() => new(Context);

    public async Task<SessionMeta> SpawnAndWaitAsync(string task, string adapter = "codex")
    {
        var meta = await Sessions.StartAsync(new StartRequest(task, adapter), CancellationToken.None);
        return await WaitAsync(meta.Id);
    }

    public async Task<SessionMeta> WaitAsync(string id)
    {
        var result = await Sessions.WaitAsync([id], WaitMode.All, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.False(result.TimedOut, "the session did not stop in time");
        return result.Sessions[0];
    }

    private static string Toml(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public void Dispose()
    {
        // Never leave a fake agent running behind a failed test.
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
