// Memory of another process from /proc: RSS (resident, shared pages counted in full), PSS (shared pages divided
// among their users: what the process really adds) and USS (its private pages only).
using System.Globalization;

namespace Zwarm.Bench.Processes;

internal sealed record ProcessMemory(long RssKb, long PssKb, long UssKb)
{
    public static ProcessMemory? Read(int pid)
    {
        try
        {
            long rss = 0, pss = 0, uss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                {
                    continue;
                }
                switch (parts[0])
                {
                    case "Rss:": rss = kb; break;
                    case "Pss:": pss = kb; break;
                    case "Private_Clean:" or "Private_Dirty:": uss += kb; break;
                }
            }
            return new ProcessMemory(rss, pss, uss);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Live processes whose executable is <paramref name="path"/>.</summary>
    public static int CountRunning(string path)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }
            try
            {
                if (new FileInfo(Path.Combine(dir, "exe")).LinkTarget == path)
                {
                    count++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone, or not ours to look at
            }
        }
        return count;
    }
}
