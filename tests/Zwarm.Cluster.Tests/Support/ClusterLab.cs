// The whole lab for one test: the network, PostgreSQL on the bridge, the schema and certificate made by
// `zwarm-worker cluster init`, and N workers (w1..wN) on machines of their own, each with its own state dir,
// labels (l<i> and common) and capacity (i+1), the fake agent as its codex. Started ready: every worker listed active by `workers --json`.
using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Zwarm.Cluster.Tests.Support;

internal sealed class ClusterLab : IAsyncDisposable
{
    public static string WorkerPath { get; } = Path.Combine(AppContext.BaseDirectory, "zwarm-worker");

    /// <summary>How long the lab waits for something that should happen in seconds (joining, a death): generous, not a sleep.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly List<WorkerProcess> _workers = [];
    private readonly Dictionary<string, (string Ns, string[] Arguments)> _starts = [];

    public static string FakeAgent { get; } = Path.Combine(AppContext.BaseDirectory, "fake-agent");

    private ClusterLab(string root, NetworkLab network, Postgres postgres)
    {
        Root = root;
        Network = network;
        Postgres = postgres;
    }

    public string Root { get; }

    public NetworkLab Network { get; }

    public Postgres Postgres { get; }

    public string CertificateDirectory => Path.Combine(Root, "cert");

    public string CertificatePath => Path.Combine(CertificateDirectory, "cluster.pfx");

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public Dictionary<string, string> Machines { get; } = [];

    public RunResult? Init { get; private set; }

    public static async Task<ClusterLab> StartAsync(int workers)
    {
        var root = Directory.CreateTempSubdirectory("zwarm-cluster-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "fake-home"));
        var network = await NetworkLab.StartAsync();
        var postgres = await Postgres.StartAsync(network.BridgeAddress);
        var lab = new ClusterLab(root, network, postgres);
        lab.Init = await lab.WorkerCommandAsync(["cluster", "init", "--cluster", postgres.ConnectionString, "--cert-dir", lab.CertificateDirectory],
            withCluster: false);
        if (lab.Init.ExitCode != 0)
        {
            throw new InvalidOperationException("cluster init failed: " + lab.Init.Describe());
        }
        for (var i = 1; i <= workers; i++)
        {
            var (ns, address) = await network.AddMachineAsync(i);
            lab.Machines[$"w{i}"] = ns;
            var state = Directory.CreateDirectory(Path.Combine(root, $"state-w{i}")).FullName;
            File.WriteAllText(Path.Combine(state, "config.toml"), $"""
                [adapters.codex]
                executable = "{FakeAgent}"
                [executor]
                kill_grace_seconds = 1
                """);
            lab._starts[$"w{i}"] = (ns, ["--name", $"w{i}", "--max-sessions", $"{i + 1}", "--label", $"l{i}", "--label", "common",
                 "--listen", $"{address}:11111", "--cert", lab.CertificatePath, "--state-dir", state]);
            lab._workers.Add(lab.StartWorker($"w{i}"));
        }
        // Active in Orleans' membership, and its facts published.
        await lab.UntilAsync(rows => rows.Count(r => r.GetProperty("status").GetString() == "active"
            && r.GetProperty("max_sessions").ValueKind == JsonValueKind.Number) == workers, "every worker active");
        return lab;
    }

    /// <summary>Starts worker <paramref name="name"/> again (same machine, address and state dir) after it died.</summary>
    public void Restart(string name)
    {
        var old = Worker(name);
        _workers[_workers.IndexOf(old)] = StartWorker(name);
        _retired.Add(old);
    }

    private readonly List<WorkerProcess> _retired = [];

    private WorkerProcess StartWorker(string name) => WorkerProcess.Start(name, _starts[name].Ns, _starts[name].Arguments,
        new Dictionary<string, string> { ["ZWARM_CLUSTER"] = Postgres.ConnectionString, ["FAKE_AGENT_HOME"] = Path.Combine(Root, "fake-home") });

    /// <summary>`zwarm-worker ARGS` from the test's namespace, with ZWARM_CLUSTER set (unless told otherwise).</summary>
    public Task<RunResult> WorkerCommandAsync(IEnumerable<string> arguments, bool withCluster = true, TimeSpan? deadline = null) =>
        Run.CommandAsync(WorkerPath, arguments,
            withCluster ? new Dictionary<string, string?> { ["ZWARM_CLUSTER"] = Postgres.ConnectionString } : null, deadline);

    public Task<RunResult> WorkersAsync(params string[] extra) =>
        WorkerCommandAsync(["workers", "--cert", CertificatePath, .. extra]);

    /// <summary>`workers --json`, parsed; a failed run fails the test with everything it printed.</summary>
    public async Task<IReadOnlyList<JsonElement>> WorkersJsonAsync()
    {
        var result = await WorkersAsync("--json");
        Assert.True(result.ExitCode == 0, result.Describe());
        using var document = JsonDocument.Parse(result.Out);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Polls `workers --json` until <paramref name="condition"/> holds (or the patience runs out: a failure).</summary>
    public async Task<IReadOnlyList<JsonElement>> UntilAsync(Func<IReadOnlyList<JsonElement>, bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<JsonElement> rows = [];
        while (watch.Elapsed < Patience)
        {
            var started = watch.Elapsed;
            rows = await WorkersJsonAsync();
            Polls.Add($"{what}: poll at {started.TotalSeconds:F1} s took {(watch.Elapsed - started).TotalSeconds:F1} s");
            if (condition(rows))
            {
                return rows;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"not reached within {Patience.TotalSeconds} s: {what}; last: {JsonSerializer.Serialize(rows)}\n"
            + string.Join("\n", _workers.Select(w => $"--- {w.Name} ---\n{w.Log}")));
    }

    /// <summary>
    /// How long after <paramref name="since"/> Orleans wrote <paramref name="name"/> dead into the membership table,
    /// read straight from PostgreSQL every 100 ms (a precise clock for the bound; `workers` is asserted separately).
    /// </summary>
    public async Task<TimeSpan> DeclaredDeadAsync(string name, Stopwatch since)
    {
        await using var db = new NpgsqlConnection(Postgres.ConnectionString);
        await db.OpenAsync();
        while (since.Elapsed < Patience)
        {
            await using var command = new NpgsqlCommand(
                "SELECT status FROM orleansmembershiptable WHERE siloname = @n ORDER BY generation DESC LIMIT 1", db);
            command.Parameters.AddWithValue("n", name);
            if (await command.ExecuteScalarAsync() is int status && status == 6)
            {
                return since.Elapsed;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} was not declared dead within {Patience.TotalSeconds} s");
    }

    /// <summary>Each `workers` poll of <see cref="UntilAsync"/>: when it started and how long it took (for the tests' output).</summary>
    public List<string> Polls { get; } = [];

    public WorkerProcess Worker(string name) => _workers.Single(w => w.Name == name);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.Concat(_retired))
        {
            await worker.DisposeAsync();
        }
        await Postgres.DisposeAsync();
        await Network.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the temp cleaner.
        }
    }
}
