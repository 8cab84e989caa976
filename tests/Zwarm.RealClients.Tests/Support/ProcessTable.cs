// A snapshot of the machine's processes from /proc: enough to tell which processes belong to a zwarm turn (its
// process group and session, and every descendant of its supervisor) and whether they are still alive afterwards.
using System.Globalization;

namespace Zwarm.RealClients.Tests.Support;

internal static class ProcessTable
{
    public static IReadOnlyList<ProcessEntry> Snapshot()
    {
        var entries = new List<ProcessEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>The processes of a turn: its group and session (both led by the supervisor) and all descendants.</summary>
    public static IReadOnlyList<ProcessEntry> TreeOf(int supervisorPid)
    {
        var all = Snapshot();
        var members = all.Where(p => p.Pid == supervisorPid || p.ProcessGroup == supervisorPid || p.Session == supervisorPid)
            .ToDictionary(p => p.Pid);
        // Descendants that moved to a group or session of their own are still the turn's processes.
        for (var added = true; added;)
        {
            added = false;
            foreach (var p in all)
            {
                if (!members.ContainsKey(p.Pid) && members.ContainsKey(p.ParentPid))
                {
                    members[p.Pid] = p;
                    added = true;
                }
            }
        }
        return [.. members.Values.OrderBy(p => p.Pid)];
    }

    public static ProcessEntry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            // Fields after "(comm) ": state ppid pgrp session ... starttime (22nd field overall).
            var rest = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessEntry(pid, Int(rest[1]), Int(rest[2]), Int(rest[3]),
                long.Parse(rest[19], CultureInfo.InvariantCulture), rest[0][0], cmdline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
