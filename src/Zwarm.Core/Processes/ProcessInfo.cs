// Facts about live processes read from /proc: a pid's start time (so a recycled pid is never mistaken for ours),
// its state, its parent and group, and the boot id (start times are only comparable within one boot).
using System.Globalization;

namespace Zwarm.Core.Processes;

/// <summary>One line of /proc/PID/stat, reduced to what zwarm needs.</summary>
public sealed record ProcessStat(int Pid, char State, int ParentPid, int ProcessGroup, long StartTime);

public static class ProcessInfo
{
    private static string? s_bootId;

    /// <summary>The kernel's boot id, or "" when /proc does not provide it.</summary>
    public static string BootId => s_bootId ??= ReadBootId();

    /// <summary>Reads /proc/PID/stat; null when the process does not exist.</summary>
    public static ProcessStat? TryGetStat(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return ParseStat(text);
    }

    /// <summary>Parses the content of a /proc/PID/stat file (the command name may contain spaces and parentheses).</summary>
    public static ProcessStat? ParseStat(string text)
    {
        var close = text.LastIndexOf(')');
        var open = text.IndexOf('(');
        if (open <= 0 || close < open || close + 2 >= text.Length)
        {
            return null;
        }
        if (!int.TryParse(text.AsSpan(0, open).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }
        // Fields after the command: 3=state 4=ppid 5=pgrp ... 22=starttime (1-based, as in proc(5)).
        var rest = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 20)
        {
            return null;
        }
        var ok = int.TryParse(rest[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            & int.TryParse(rest[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pgrp)
            & long.TryParse(rest[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start);
        return ok ? new ProcessStat(pid, rest[0][0], ppid, pgrp, start) : null;
    }

    /// <summary>
    /// True when <paramref name="pid"/> is a live (not zombie) process that started at <paramref name="startTime"/>
    /// during this boot. Without a recorded start time (a store written by the Python zwarm) only existence is checked.
    /// </summary>
    public static bool IsAlive(int pid, long? startTime, string? bootId)
    {
        if (bootId is { Length: > 0 } && BootId.Length > 0 && bootId != BootId)
        {
            return false;
        }
        var stat = TryGetStat(pid);
        if (stat is null || stat.State is 'Z' or 'X' or 'x')
        {
            return false;
        }
        return startTime is null || stat.StartTime == startTime;
    }

    /// <summary>The command line of a process (arguments joined by spaces), or null.</summary>
    public static string? TryGetCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>All live descendants of <paramref name="rootPid"/> (children, grandchildren...), from one /proc scan.</summary>
    public static IReadOnlyList<ProcessStat> Descendants(int rootPid)
    {
        var byParent = new Dictionary<int, List<ProcessStat>>();
        foreach (var dir in EnumerateProcDirs())
        {
            if (TryGetStat(dir) is { } stat)
            {
                if (!byParent.TryGetValue(stat.ParentPid, out var list))
                {
                    byParent[stat.ParentPid] = list = [];
                }
                list.Add(stat);
            }
        }
        var result = new List<ProcessStat>();
        var queue = new Queue<int>([rootPid]);
        while (queue.Count > 0)
        {
            if (byParent.TryGetValue(queue.Dequeue(), out var children))
            {
                foreach (var child in children)
                {
                    result.Add(child);
                    queue.Enqueue(child.Pid);
                }
            }
        }
        return result;
    }

    /// <summary>Live members of process group <paramref name="pgid"/>.</summary>
    public static IReadOnlyList<ProcessStat> GroupMembers(int pgid)
    {
        var result = new List<ProcessStat>();
        foreach (var pid in EnumerateProcDirs())
        {
            if (TryGetStat(pid) is { } stat && stat.ProcessGroup == pgid && stat.State is not ('Z' or 'X' or 'x'))
            {
                result.Add(stat);
            }
        }
        return result;
    }

    private static IEnumerable<int> EnumerateProcDirs()
    {
        IEnumerable<string> dirs;
        try
        {
            dirs = Directory.EnumerateDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var dir in dirs)
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private static string ReadBootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
