// The zwarm benchmark: generates data with the Python anchors, times the Python implementation with the anchors
// themselves and zwarm on the same data, and prints one table. See bench/README.md.
using Zwarm.Bench;
using Zwarm.Bench.Figures;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"{e.Message}\n{BenchOptions.Usage}");
    return 2;
}

using var env = BenchEnvironment.Create(options);
using var cancel = new CancelCleanup(env);
var machine = MachineInfo.Describe();
var loadBefore = MachineInfo.LoadAverage();
var python = new PythonAnchors(env.AnchorsDirectory, env.TempDirectory);
env.EnsureZwarm();
var figures = new List<Figure>();
foreach (var name in BenchOptions.AllFigures.Where(options.Wants))
{
    Console.Error.WriteLine($"== {name}");
    var loadAtStart = MachineInfo.LoadAverage();
    try
    {
        IEnumerable<Figure> rows = name switch
        {
            "ls" => LsFigure.Run(env, python),
            "parse" => ParseFigure.Run(env, python),
            "startup" => StartupFigure.Run(env, python),
            "follow" => FollowFigure.Run(env),
            "mcp" => McpFigure.Run(env, python),
            "isolation" => IsolationFigure.Run(env),
            "dashboard" => DashboardFigure.Run(env, python),
            "dashboard-browser" => DashboardBrowserFigure.Run(env, python),
            _ => ConcurrencyFigure.Run(env),
        };
        foreach (var row in rows)
        {
            figures.Add(row);
            Console.Error.WriteLine($"   {row.Name}: python {row.Python}, zwarm {row.Zwarm} {row.Ratio}");
        }
        // The ratios of one figure are taken under the same load; this says how loaded the machine was.
        figures.Add(new Figure($"machine load during `{name}`", "", $"{loadAtStart} -> {MachineInfo.LoadAverage()}", "", "info", null,
            $"1-minute load average at the start and the end of the figure, on {Environment.ProcessorCount} cores"));
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
    {
        figures.Add(new Figure(name, "", "", "", "", false, $"error: {e.Message}"));
        Console.Error.WriteLine($"   {name} failed: {e.Message}");
    }
}

Console.WriteLine($"machine: {machine}");
Console.WriteLine($"load average (1 min) before/after: {loadBefore} / {MachineInfo.LoadAverage()}");
Console.WriteLine($"zwarm: {env.Zwarm}");
Console.WriteLine();
Console.Write(ResultTable.Render(figures));
return figures.Any(f => f.Pass == false) ? 1 : 0;
