namespace Zwarm.RealClients.Tests.Support;

/// <summary>One process as /proc showed it: ids, group, session, start time, state and command line.</summary>
internal sealed record ProcessEntry(int Pid, int ParentPid, int ProcessGroup, int Session, long StartTime, char State,
    string CommandLine)
{
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>True while the same process (pid and start time) exists and is not a zombie.</summary>
    public bool IsStillAlive() => ProcessTable.Read(Pid) is { IsZombie: false } now && now.StartTime == StartTime;

    public override string ToString() => $"{Pid} (ppid {ParentPid}, pgid {ProcessGroup}, sid {Session}, {State}): {CommandLine}";
}
