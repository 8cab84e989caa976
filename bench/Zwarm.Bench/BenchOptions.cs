using System.Globalization;

namespace Zwarm.Bench;

/// <summary>The command line: which figures, the zwarm binary, the data sizes, and where data may be kept.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: Zwarm.Bench [all|ls|parse|startup|follow|concurrency|mcp|isolation|dashboard|dashboard-browser ...] [options]
          --zwarm PATH       the Native AOT zwarm binary (default: published into the temp dir first)
          --hello PATH       a Native AOT hello-world (default: bench/HelloAot published into the temp dir)
          --sessions N       sessions in the ls store (default 10000)
          --mb MB            size of the big turn file (default 100; the small one is a tenth of it)
          --runs N           runs per median for the heavier figures (default 5; start-up uses 6x as many)
          --agents N         concurrent sessions (default 50)
          --lines N          numbered lines each concurrent session prints (default 2000)
          --files N          files in the isolation figure's repository (default 50000)
          --isolated N       isolated and non-isolated sessions each in the isolation figure's ls (default 1000)
          --copies N         worktrees and clones in the isolation figure's disk use (default 10)
          --keep-data DIR    generate the Python data into DIR and reuse it next time (default: a temp dir, deleted)
          --anchors DIR      the Python anchors (default: <repo>/../shared/anchors)
        """;

    public IReadOnlySet<string> Figures { get; init; } = new HashSet<string>();
    public string? Zwarm { get; init; }
    public string? Hello { get; init; }
    public int Sessions { get; init; } = 10_000;
    public double Mb { get; init; } = 100;
    public int Runs { get; init; } = 5;
    public int Agents { get; init; } = 50;
    public int Lines { get; init; } = 2000;
    public int Files { get; init; } = 50_000;
    public int Isolated { get; init; } = 1000;
    public int Copies { get; init; } = 10;
    public string? KeepData { get; init; }
    public string? Anchors { get; init; }

    public static readonly string[] AllFigures = ["ls", "parse", "startup", "follow", "concurrency", "mcp", "isolation", "dashboard", "dashboard-browser"];

    public bool Wants(string figure) => Figures.Contains(figure);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var figures = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "all")
            {
                figures.UnionWith(AllFigures);
                continue;
            }
            if (AllFigures.Contains(args[i]))
            {
                figures.Add(args[i]);
                continue;
            }
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--zwarm" => options with { Zwarm = Path.GetFullPath(Value()) },
                "--hello" => options with { Hello = Path.GetFullPath(Value()) },
                "--sessions" => options with { Sessions = Int() },
                "--mb" => options with { Mb = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = Math.Max(1, Int()) },
                "--agents" => options with { Agents = Int() },
                "--lines" => options with { Lines = Int() },
                "--files" => options with { Files = Math.Max(1, Int()) },
                "--isolated" => options with { Isolated = Math.Max(1, Int()) },
                "--copies" => options with { Copies = Math.Max(1, Int()) },
                "--keep-data" => options with { KeepData = Path.GetFullPath(Value()) },
                "--anchors" => options with { Anchors = Path.GetFullPath(Value()) },
                var other => throw new ArgumentException($"unknown argument '{other}'"),
            };
        }
        if (figures.Count == 0)
        {
            figures.UnionWith(AllFigures);
        }
        return options with { Figures = figures };
    }
}
