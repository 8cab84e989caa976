// This process's memory from /proc/self: the peak RSS (VmHWM) can be reset through clear_refs, so the peak of one
// in-process parse is measured on its own, after the benchmark's own start-up and JIT.
namespace Zwarm.Bench.Processes;

internal static class SelfMemory
{
    /// <summary>Resets VmHWM to the current RSS (Linux: "5" > /proc/self/clear_refs).</summary>
    public static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static long PeakRssKb => Read("VmHWM:");

    public static long RssKb => Read("VmRSS:");

    private static long Read(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
