// Facts about live processes read from /proc: a pid's start time (so a recycled pid is never mistaken for ours),
// its state, its parent and group, and the boot id (start times are only comparable within one boot).
using System.Globalization;

namespace Zwarm.Core.Processes;

/// <summary>One line of /proc/PID/stat, reduced to what zwarm needs.</summary>
public sealed record ProcessStat(int Pid, char State, int ParentPid, int ProcessGroup, int Session, long StartTime)
{
    /// <summary>Running or sleeping, not a zombie waiting to be reaped.</summary>
    public bool IsLive => State is not ('Z' or 'X' or 'x');
}

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
        // Fields after the command: 3=state 4=ppid 5=pgrp 6=session ... 22=starttime (1-based, as in proc(5)).
        var rest = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 20)
        {
            return null;
        }
        var ok = int.TryParse(rest[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            & int.TryParse(rest[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pgrp)
            & int.TryParse(rest[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
            & long.TryParse(rest[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start);
        return ok ? new ProcessStat(pid, rest[0][0], ppid, pgrp, session, start) : null;
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

    /// <summary>The arguments of a process (argv), or null when it is gone or unreadable.</summary>
    public static IReadOnlyList<string>? TryGetArguments(int pid)
    {
        var bytes = TryReadProcFile(pid, "cmdline");
        if (bytes is null)
        {
            return null;
        }
        var parts = System.Text.Encoding.UTF8.GetString(bytes).Split('\0');
        return parts.Length > 1 && parts[^1].Length == 0 ? parts[..^1] : parts;
    }

    /// <summary>
    /// True when the environment <paramref name="pid"/> started with holds NAME=VALUE exactly (/proc/PID/environ,
    /// readable only for the user's own processes).
    /// </summary>
    public static bool HasEnvironmentEntry(int pid, string name, string value)
    {
        var bytes = TryReadProcFile(pid, "environ");
        if (bytes is null)
        {
            return false;
        }
        var entry = System.Text.Encoding.UTF8.GetBytes(name + "=" + value);
        foreach (var range in bytes.AsSpan().Split((byte)0))
        {
            if (bytes.AsSpan(range).SequenceEqual(entry))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The real user id of <paramref name="pid"/> (the "Uid:" line of /proc/PID/status), or null.</summary>
    public static uint? TryGetUserId(int pid)
    {
        var bytes = TryReadProcFile(pid, "status");
        if (bytes is null)
        {
            return null;
        }
        foreach (var line in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var fields = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && uint.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
            }
        }
        return null;
    }

    /// <summary>Every process visible in /proc, from one scan.</summary>
    public static IReadOnlyList<ProcessStat> All()
    {
        var result = new List<ProcessStat>();
        foreach (var pid in EnumerateProcDirs())
        {
            if (TryGetStat(pid) is { } stat)
            {
                result.Add(stat);
            }
        }
        return result;
    }

    private static byte[]? TryReadProcFile(int pid, string name)
    {
        if (pid <= 0)
        {
            return null;
        }
        try
        {
            return File.ReadAllBytes($"/proc/{pid}/{name}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
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
