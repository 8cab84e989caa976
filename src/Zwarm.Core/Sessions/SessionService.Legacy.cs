// Sessions the Python zwarm started: no turns record, no exit record, no start time, only the agent's pid. Shown alive
// while that pid runs the agent CLI (the adapter recognises its command line); signalled only after the same proof.
using Zwarm.Core.Events;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    // A session written by the Python zwarm: no exit record, no start time. It is alive while its pid runs an
    // agent CLI; afterwards its status comes from the turn file alone.
    private SessionMeta FinalizeLegacy(SessionMeta meta)
    {
        if (!Agents.TryGet(meta.Adapter, out _))
        {
            return meta;
        }
        var digest = DigestTurn(meta, meta.Turn);
        var failed = digest.Failed || !digest.Completed;
        var total = digest.Usage ?? TokenUsage.Zero;
        return meta with
        {
            Status = failed ? SessionStatus.Failed : SessionStatus.Completed,
            Error = failed ? digest.FailureMessage ?? digest.LastError ?? "the agent exited without completing the turn" : null,
            UpdatedAt = Timestamps.Now(Time),
            TokenUsage = digest.Usage is null ? meta.TokenUsage : UsageDictionary(total),
            ResumeId = meta.ResumeId ?? digest.ResumeId,
        };
    }

    /// <summary>Alive while its pid runs the agent CLI its adapter recognises (a recycled pid runs something else).</summary>
    private bool IsLegacyAlive(SessionMeta meta) => LegacyAgent(meta) is not null;

    /// <summary>The live agent process of a Python-zwarm session, when /proc proves it is that agent's CLI.</summary>
    private ProcessStat? LegacyAgent(SessionMeta meta)
    {
        if (meta.Pid is not { } pid || !ProcessInfo.IsAlive(pid, null, null) || !Agents.TryGet(meta.Adapter, out var adapter))
        {
            return null;
        }
        var argv = ProcessInfo.TryGetArguments(pid);
        return argv is not null && adapter.IsAgentCommandLine(argv) ? ProcessInfo.TryGetStat(pid) : null;
    }

    /// <summary>
    /// What a kill of a Python-zwarm session may signal: its agent process (and its group when it leads one), only
    /// when proven to be the agent CLI, the user's own, and not zwarm's own group.
    /// </summary>
    private KillPlan? LegacyKillPlan(SessionMeta meta)
    {
        if (LegacyAgent(meta) is not { } agent || !TurnProcesses.IsSafeTarget(agent.Pid) || !TurnProcesses.IsOurs(agent.Pid))
        {
            return null;
        }
        var others = ProcessInfo.Descendants(agent.Pid).Append(agent).ToList();
        return new KillPlan(agent.ProcessGroup == agent.Pid ? agent.Pid : null, others);
    }
}
