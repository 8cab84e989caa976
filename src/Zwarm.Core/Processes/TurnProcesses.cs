// Which live processes belong to a turn, proven from /proc rather than taken from meta.json (which anyone who can
// write the store can craft). A process belongs to turn T when it is the user's own, alive, in T's process group or
// session (the supervisor's pid, made a session leader by setsid) and its environment holds T's launch token. A turn
// is alive while any such process lives: a supervisor killed with SIGKILL leaves its agent running in the group, and
// that agent keeps the session running and killable. Turns started before tokens existed are proven by the
// supervisor itself: a session leader of our user running zwarm's supervisor script, with the recorded start time.
namespace Zwarm.Core.Processes;

internal static class TurnProcesses
{
    private static ProcessStat? s_self;

    /// <summary>True while a process of the turn provably lives.</summary>
    public static bool IsAlive(TurnHandle handle) => Prove(handle).IsAlive;

    /// <summary>Finds one live process that provably belongs to the turn, or says why the recorded pid is not one.</summary>
    public static TurnProof Prove(TurnHandle handle)
    {
        var pgid = handle.ProcessGroup;
        if (pgid <= 1)
        {
            return TurnProof.Refused($"pid {pgid} cannot be a turn's process group");
        }
        if (IsOwnGroup(pgid))
        {
            return TurnProof.Refused($"pid {pgid} is zwarm's own process group");
        }
        if (handle.BootId is { Length: > 0 } && ProcessInfo.BootId.Length > 0 && handle.BootId != ProcessInfo.BootId)
        {
            return TurnProof.Gone; // recorded in an earlier boot: nothing of it runs now
        }
        var leader = ProcessInfo.TryGetStat(pgid);
        if (handle.ValidToken is not { } token)
        {
            return ProveTokenlessSupervisor(handle, leader);
        }
        if (leader is { IsLive: true } && IsSessionLeader(leader) && (handle.StartTime is null || handle.StartTime == leader.StartTime)
            && Carries(leader.Pid, token))
        {
            return new TurnProof(leader, null);
        }
        // The supervisor is gone (or was never this turn's): any member of its group or session still carrying the token.
        foreach (var p in ProcessInfo.All())
        {
            if (p.IsLive && (p.ProcessGroup == pgid || p.Session == pgid) && Carries(p.Pid, token))
            {
                return new TurnProof(p, null);
            }
        }
        return leader is { IsLive: true }
            ? TurnProof.Refused($"pid {pgid} is not a process of this turn (it lacks the turn's {TurnToken.Variable} marker)")
            : TurnProof.Gone;
    }

    /// <summary>Live processes of the user whose environment holds <paramref name="token"/>, in any group.</summary>
    public static IReadOnlyList<ProcessStat> Carriers(string token) =>
        ProcessInfo.All().Where(p => p.IsLive && p.Pid != Environment.ProcessId && Carries(p.Pid, token)).ToList();

    /// <summary>
    /// The turn's processes a signal to its process group would miss: members of its session in another group,
    /// descendants of its members that moved away (a tool that called setsid), and token carriers anywhere.
    /// </summary>
    public static IReadOnlyList<ProcessStat> OutsideTheGroup(TurnHandle handle)
    {
        var pgid = handle.ProcessGroup;
        var all = ProcessInfo.All().Where(p => p.IsLive && p.Pid != Environment.ProcessId).ToList();
        var chosen = new Dictionary<int, ProcessStat>();
        var queue = new Queue<int>(all.Where(p => p.ProcessGroup == pgid || p.Session == pgid).Select(p => p.Pid));
        var byParent = all.ToLookup(p => p.ParentPid);
        foreach (var p in all.Where(p => p.Session == pgid && p.ProcessGroup != pgid))
        {
            chosen[p.Pid] = p;
        }
        while (queue.Count > 0)
        {
            foreach (var child in byParent[queue.Dequeue()])
            {
                if (child.ProcessGroup != pgid && chosen.TryAdd(child.Pid, child))
                {
                    queue.Enqueue(child.Pid);
                }
            }
        }
        if (handle.ValidToken is { } token)
        {
            foreach (var p in all.Where(p => p.ProcessGroup != pgid && !chosen.ContainsKey(p.Pid) && Carries(p.Pid, token)))
            {
                chosen[p.Pid] = p;
            }
        }
        return chosen.Values.Where(p => IsSafeTarget(p.Pid) && IsOurs(p.Pid)).ToList();
    }

    /// <summary>False for pids zwarm must never signal: pid 0/1, and its own process, group and session.</summary>
    public static bool IsSafeTarget(int pid) => pid > 1 && pid != Environment.ProcessId && !IsOwnGroup(pid);

    /// <summary>True when <paramref name="pid"/> runs as the user this zwarm runs as.</summary>
    public static bool IsOurs(int pid) => ProcessInfo.TryGetUserId(pid) == Native.GetEffectiveUserId();

    private static bool Carries(int pid, string token) =>
        IsOurs(pid) && ProcessInfo.HasEnvironmentEntry(pid, TurnToken.Variable, token);

    private static bool IsSessionLeader(ProcessStat p) => p.ProcessGroup == p.Pid && p.Session == p.Pid;

    private static bool IsOwnGroup(int pgid)
    {
        var self = s_self ??= ProcessInfo.TryGetStat(Environment.ProcessId);
        return pgid == Environment.ProcessId || (self is not null && (pgid == self.ProcessGroup || pgid == self.Session));
    }

    // A turn recorded by a zwarm without launch tokens: only its live supervisor can be proven (`sh -c SCRIPT
    // zwarm-turn ...`, a session leader of our user, started at the recorded time).
    private static TurnProof ProveTokenlessSupervisor(TurnHandle handle, ProcessStat? leader)
    {
        if (leader is not { IsLive: true })
        {
            return TurnProof.Gone;
        }
        var pid = leader.Pid;
        if (handle.StartTime is { } start && start != leader.StartTime)
        {
            return TurnProof.Refused($"pid {pid} now belongs to another process (its start time differs)");
        }
        var argv = ProcessInfo.TryGetArguments(pid);
        var isSupervisor = argv is { Count: >= 4 } && argv[1] == "-c" && argv[3] == DetachedLauncher.SupervisorName;
        return isSupervisor && IsSessionLeader(leader) && IsOurs(pid)
            ? new TurnProof(leader, null)
            : TurnProof.Refused($"pid {pid} is not a zwarm turn supervisor");
    }
}
