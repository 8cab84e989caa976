namespace Zwarm.Core.Processes;

/// <summary>
/// How to find a turn's processes: the supervisor's pid, which is also the process group and session id of the turn
/// (from meta.json or the supervisor's pid file), the launch token in their environment, and the supervisor's start
/// time and boot id when known. Read from disk, so untrusted: <see cref="TurnProcesses"/> proves it against /proc.
/// </summary>
internal sealed record TurnHandle(int ProcessGroup, string? Token, long? StartTime, string? BootId)
{
    /// <summary>The token when it is well-formed, else null (a turn started by a zwarm without tokens).</summary>
    public string? ValidToken => TurnToken.IsValid(Token) ? Token : null;
}
