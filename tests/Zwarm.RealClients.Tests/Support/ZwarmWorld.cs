// Everything one end-to-end test needs, and tears down even when the test fails: a temp folder with the agent's
// working directory, a zwarm state directory whose config.toml names the real CLI executables, a private config
// folder per CLI (CODEX_HOME / CLAUDE_CONFIG_DIR, a fresh HOME), a scripted model server on 127.0.0.1, and the
// environment zwarm runs with — which the agent CLIs inherit through zwarm, as they would from a user's shell.
using System.Text.Json;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Support;

internal sealed class ZwarmWorld : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly CancellationToken _cancellationToken;

    private ZwarmWorld(TempDirectory temp, ScriptedModelServer server, IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<Agent, string> executables, CancellationToken cancellationToken)
    {
        _temp = temp;
        Server = server;
        Environment = environment;
        Executables = executables;
        _cancellationToken = cancellationToken;
    }

    public ScriptedModelServer Server { get; }

    /// <summary>The complete environment of every zwarm process (and so of the agents it starts).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The located CLI executables, as written into config.toml.</summary>
    public IReadOnlyDictionary<Agent, string> Executables { get; }

    public string Root => _temp.Path;

    /// <summary>The directory zwarm is run from: the agents' working directory.</summary>
    public string WorkDir => _temp.Combine("work");

    public string StateDir => _temp.Combine("state");

    public static async Task<ZwarmWorld> StartAsync(ModelScript script, IReadOnlyList<Agent> agents,
        CancellationToken cancellationToken)
    {
        // Locate the CLIs before creating anything: a missing one fails the test with install instructions.
        var executables = agents.ToDictionary(a => a, a => RequireCli(a.Cli));
        var temp = new TempDirectory("zwarm-e2e-");
        ScriptedModelServer? server = null;
        try
        {
            server = await ScriptedModelServer.StartAsync(script, cancellationToken);
            Directory.CreateDirectory(temp.Combine("work"));
            var state = Directory.CreateDirectory(temp.Combine("state")).FullName;
            File.WriteAllText(Path.Combine(state, "config.toml"), ConfigToml(executables));
            var environment = BuildEnvironment(agents.Select(a => a.EnvironmentFor(server, temp.Combine("agents"))));
            return new ZwarmWorld(temp, server, environment, executables, cancellationToken);
        }
        catch
        {
            if (server is not null) await server.DisposeAsync();
            temp.Dispose();
            throw;
        }
    }

    /// <summary>Runs `zwarm --state-dir STATE ARGS...` from <see cref="WorkDir"/> and waits for it.</summary>
    public async Task<ZwarmResult> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        return await process.WaitAsync(TestTimeout.Command, _cancellationToken);
    }

    /// <summary>Starts `zwarm --state-dir STATE ARGS...` without waiting (e.g. `logs --follow`).</summary>
    public ZwarmProcess Start(params string[] arguments) =>
        ZwarmProcess.Start(["--state-dir", StateDir, .. arguments], WorkDir, Environment);

    /// <summary>`zwarm spawn TASK -a ADAPTER --json`; returns the new session's id.</summary>
    public async Task<string> SpawnAsync(Agent agent, string task, params string[] options)
    {
        var spawn = await RunAsync(["spawn", task, "-a", agent.Adapter, "--json", .. agent.SpawnOptions, .. options]);
        Assert.True(spawn.ExitCode == 0, spawn.Describe());
        var json = spawn.Json();
        Assert.Equal(agent.Adapter, json.GetProperty("adapter").GetString());
        return json.GetProperty("id").GetString()!;
    }

    /// <summary>`zwarm wait IDS --timeout 90s`, asserting that every session completed.</summary>
    public async Task<ZwarmResult> WaitCompletedAsync(params string[] ids)
    {
        var wait = await RunAsync(["wait", .. ids, "--timeout", "90s"]);
        Assert.True(wait.ExitCode == 0, wait.Describe() + "\n" + await DescribeSessionsAsync(ids));
        return wait;
    }

    /// <summary>The output of a `--json` command, asserting exit code 0.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await RunAsync([.. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.Json();
    }

    /// <summary>The row of `ls --json` for one session.</summary>
    public async Task<JsonElement> LsRowAsync(string id) =>
        Assert.Single((await JsonAsync("ls")).EnumerateArray(), row => row.GetProperty("id").GetString() == id);

    /// <summary>The session's meta.json as stored (the ground truth every zwarm command reads).</summary>
    public JsonElement ReadMeta(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(StateDir, "sessions", id, "meta.json")));
        return document.RootElement.Clone();
    }

    public string TurnFile(string id, int turn, string extension = "jsonl") =>
        Path.Combine(StateDir, "sessions", id, "turns", $"turn_{turn}.{extension}");

    /// <summary>What a failing test should show about its sessions: `show` and each turn's stderr.</summary>
    public async Task<string> DescribeSessionsAsync(params string[] ids)
    {
        var text = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            var show = await RunAsync("show", id);
            text.Append(show.Out).Append(show.Err);
            var stderr = TurnFile(id, 1, "stderr");
            if (File.Exists(stderr)) text.Append("--- turn 1 stderr ---\n").Append(File.ReadAllText(stderr));
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Leftover sessions of a failed test must not outlive it.
            using var process = ZwarmProcess.Start(["--state-dir", StateDir, "kill", "--all"], WorkDir, Environment);
            await process.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        finally
        {
            await Server.DisposeAsync();
            _temp.Dispose();
        }
    }

    private static string RequireCli(AgentCli cli)
    {
        var path = AgentBinaries.TryLocate(cli);
        Assert.True(path is not null,
            $"The real {AgentBinaries.ExecutableName(cli)} CLI is not installed. Run {AgentBinaries.InstallScript} from the " +
            $"repository root (or set {AgentBinaries.AgentsDirectoryVariable} / {AgentBinaries.VariableFor(cli)}). " +
            "RealClient tests never pass without it.");
        return path!;
    }

    private static string ConfigToml(IReadOnlyDictionary<Agent, string> executables)
    {
        var toml = new System.Text.StringBuilder("[executor]\nkill_grace_seconds = 2\n");
        foreach (var (agent, path) in executables)
        {
            toml.Append($"\n[{agent.ConfigTable}]\nexecutable = \"{path}\"\n");
        }
        return toml.ToString();
    }

    /// <summary>This test process's environment, without zwarm settings that could redirect the run, plus the CLIs'.</summary>
    private static Dictionary<string, string> BuildEnvironment(IEnumerable<AgentCliEnvironment> agents)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!name.StartsWith("ZWARM_", StringComparison.Ordinal) && entry.Value is string value)
            {
                environment[name] = value;
            }
        }
        environment["NO_COLOR"] = "1";
        foreach (var agent in agents)
        {
            foreach (var (name, value) in agent.Variables)
            {
                if (value is null) environment.Remove(name);
                else environment[name] = value;
            }
        }
        return environment;
    }
}
