// Everything a benchmark run shares: the repository, the Python anchors, the binaries under test, a temp dir
// (deleted at the end, with every session process the run started), and the data dir (kept only with --keep-data).
using Zwarm.Bench.Processes;

namespace Zwarm.Bench;

internal sealed class BenchEnvironment : IDisposable
{
    private readonly DirectoryInfo _temp;
    private readonly List<string> _stateDirectories = [];
    private bool _disposed;

    private BenchEnvironment(BenchOptions options, string repoRoot, DirectoryInfo temp)
    {
        Options = options;
        RepoRoot = repoRoot;
        _temp = temp;
        AnchorsDirectory = options.Anchors ?? Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "anchors"));
        DataDirectory = options.KeepData ?? Path.Combine(temp.FullName, "data");
        Directory.CreateDirectory(DataDirectory);
        FakeAgent = Path.Combine(AppContext.BaseDirectory, "fake-agent");
    }

    public BenchOptions Options { get; }

    public string RepoRoot { get; }

    public string AnchorsDirectory { get; }

    /// <summary>Generated Python data (sessions, turn files): reused across runs only with --keep-data.</summary>
    public string DataDirectory { get; }

    public string TempDirectory => _temp.FullName;

    public string FakeAgent { get; }

    public string Zwarm { get; private set; } = "";

    public string Hello { get; private set; } = "";

    public static BenchEnvironment Create(BenchOptions options)
    {
        var root = FindRepoRoot();
        var env = new BenchEnvironment(options, root, Directory.CreateTempSubdirectory("zwarm-bench-"));
        if (!File.Exists(Path.Combine(env.AnchorsDirectory, "bench_seed_list.py")))
        {
            env.Dispose();
            throw new InvalidOperationException($"Python anchors not found in {env.AnchorsDirectory} (use --anchors DIR)");
        }
        return env;
    }

    /// <summary>The zwarm binary under test: --zwarm, or the native zwarm as scripts/publish-aot.sh builds it (into the temp dir).</summary>
    public string EnsureZwarm()
    {
        if (Zwarm.Length == 0)
        {
            Zwarm = Options.Zwarm ?? Path.Combine(Publisher.PublishZwarm(RepoRoot, Path.Combine(TempDirectory, "zwarm-aot")), "zwarm");
        }
        return Zwarm;
    }

    /// <summary>The Native AOT hello-world the start-up figure compares with.</summary>
    public string EnsureHello()
    {
        if (Hello.Length == 0)
        {
            Hello = Options.Hello ?? Path.Combine(Publisher.PublishAot(Path.Combine(RepoRoot, "bench", "HelloAot"),
                Path.Combine(TempDirectory, "hello-aot")), "HelloAot");
        }
        return Hello;
    }

    /// <summary>A fresh zwarm state dir in the temp dir whose codex adapter is the fake agent.</summary>
    public string NewStateDirectory(string name)
    {
        var dir = Path.Combine(TempDirectory, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "config.toml"), $"""
            [adapters.codex]
            executable = "{FakeAgent}"
            [executor]
            kill_grace_seconds = 1
            """);
        _stateDirectories.Add(dir);
        return dir;
    }

    /// <summary>Environment for zwarm children: no colours, and the fake agent keeps its state in the temp dir.</summary>
    public IReadOnlyDictionary<string, string> ChildEnvironment => new Dictionary<string, string>
    {
        ["NO_COLOR"] = "1",
        ["FAKE_AGENT_HOME"] = Path.Combine(TempDirectory, "fake-agent-home"),
    };

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var dir in _stateDirectories)
        {
            SessionReaper.KillTurns(dir);
        }
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {_temp.FullName}: {e.Message}");
        }
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Zwarm.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("run the benchmark from inside the zwarm repository");
    }
}
