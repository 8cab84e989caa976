// The store the fuzz cases mutate: a victim session and a healthy one (each a real finished turn of the fake agent:
// meta.json, turn_1.jsonl/.stderr/.pid/.exit.json) and an orchestrator instance whose state.json names the victim.
// Every case starts from the same bytes: Restore puts the victim, the index and the instance back as they were.
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Faults.Tests.Fuzz;

internal sealed class FuzzStore : IDisposable
{
    private Dictionary<string, byte[]> _victimFiles = [];
    private byte[] _state = [];

    private FuzzStore(FaultWorld world)
    {
        World = world;
    }

    public FaultWorld World { get; }

    public string Victim { get; private set; } = "";

    public string Healthy { get; private set; } = "";

    public string Instance { get; } = "fuzz0001";

    public SessionStore Store => World.NewService().Store;

    public string VictimDir => Store.SessionDirectory(Victim);

    public string StatePath => new InstanceStore(World.StateDir).StatePath(Instance);

    /// <summary>Files and folders outside the store that links in it point at (must never be written or removed through them).</summary>
    public string Outside => Path.Combine(World.Root, "outside");

    public static async Task<FuzzStore> CreateAsync()
    {
        var store = new FuzzStore(new FaultWorld());
        store.Victim = (await store.World.SpawnAndWaitAsync("victim @lines=3")).Id;
        store.Healthy = (await store.World.SpawnAndWaitAsync("healthy")).Id;
        File.WriteAllText(store.Store.StderrPath(store.Victim, 1), "warning: something\nError: the agent failed\n");
        var now = DateTimeOffset.UtcNow;
        new InstanceStore(store.World.StateDir).Create(new InstanceState
        {
            Id = store.Instance,
            Task = "fuzzed",
            CreatedAt = now,
            UpdatedAt = now,
            WorkingDir = store.World.WorkDir,
            Provider = "openai",
            Model = "gpt-test",
            Steps = 2,
            Runs = 1,
            MaxSteps = 10,
            Usage = new TurnUsage { InputTokens = 10, OutputTokens = 5 },
            CostUsd = 0.01m,
            Status = InstanceStatus.Running,
            Pid = Environment.ProcessId,
            PidStart = ProcessInfo.TryGetStat(Environment.ProcessId)?.StartTime,
            Sessions = [store.Victim],
            SeenTurns = new Dictionary<string, int> { [store.Victim] = 1 },
            Kind = InstanceKind.Orchestrator,
            Checkpoints = [new Checkpoint { Turn = 1, Messages = 2, At = now }],
            Head = 1,
            StopReason = "exit",
        });
        store._state = File.ReadAllBytes(store.StatePath);
        store._victimFiles = Directory.EnumerateFiles(store.VictimDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(store.VictimDir, f), File.ReadAllBytes);
        Directory.CreateDirectory(store.Outside);
        return store;
    }

    public byte[] Original(string relative) => _victimFiles[relative];

    /// <summary>Puts the victim, the index and the instance back as they were after setup; drops what cases left.</summary>
    public void Restore()
    {
        RemoveAny(VictimDir);
        foreach (var (relative, bytes) in _victimFiles)
        {
            var path = Path.Combine(VictimDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        foreach (var leftover in Directory.EnumerateFileSystemEntries(Store.SessionsDirectory, ".*"))
        {
            RemoveAny(leftover);
        }
        var instanceDir = Path.GetDirectoryName(StatePath)!;
        RemoveAny(instanceDir);
        Directory.CreateDirectory(instanceDir);
        File.WriteAllBytes(StatePath, _state);
        RemoveAny(Outside);
        Directory.CreateDirectory(Outside);
    }

    /// <summary>Deletes a file, a link (never its target) or a folder tree.</summary>
    public static void RemoveAny(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void Dispose() => World.Dispose();
}
