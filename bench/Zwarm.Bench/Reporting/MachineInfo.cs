using System.Runtime.InteropServices;

namespace Zwarm.Bench.Reporting;

/// <summary>What the figures were measured on: CPU, cores, memory, kernel, runtimes, and the load.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var python = Processes.ChildProcess.Run(["python3", "-c", "import sys"]).ExitCode == 0 ? PythonVersion() : "python3 missing";
        return $"{cpu}, {Environment.ProcessorCount} cores, {Stats.Mb(long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture))} RAM, " +
               $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, {python}";
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string PythonVersion()
    {
        var path = Path.GetTempFileName();
        try
        {
            Processes.ChildProcess.Run(["python3", "--version"], path);
            return File.ReadAllText(path).Trim();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
