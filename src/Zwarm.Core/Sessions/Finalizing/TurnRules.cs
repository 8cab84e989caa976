// The rules that turn facts about a turn into its recorded outcome, as pure functions (table-tested): no clock, no
// /proc, no files. The facts decide, not what was requested: an agent that completed its turn and exited 0 is
// `completed` even if a kill was requested meanwhile (it ignored or outran the signal); a kill request makes the turn
// `killed` only when the agent did not finish on its own. A lost exit record (full disk) never hides a completed stream.
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions.Finalizing;

internal static class TurnRules
{
    /// <summary>Whether a turn is over, from what is known about it (liveness computed only where it matters).</summary>
    /// <param name="exitRecorded">turns/turn_N.exit.json exists.</param>
    /// <param name="alive">A process of the turn provably lives.</param>
    /// <param name="hasHandle">A pid of the turn is known (meta.json or the pid file).</param>
    /// <param name="pendingTooLong">The turn was recorded long enough ago that a launch would have shown by now.</param>
    public static TurnPhase Phase(bool exitRecorded, bool alive, bool hasHandle, bool pendingTooLong)
    {
        if (exitRecorded)
        {
            return TurnPhase.Ended;
        }
        if (alive)
        {
            return TurnPhase.Running;
        }
        return hasHandle || pendingTooLong ? TurnPhase.Ended : TurnPhase.Waiting;
    }

    /// <summary>The verdict on an ended turn.</summary>
    public static TurnVerdict Judge(TurnEndFacts facts)
    {
        var record = facts.Exit.Record;
        var code = record?.ExitCode;
        var signal = code is { } c ? Signals.FromExitCode(c) : null;
        TurnVerdict Verdict(SessionStatus status, string? error) => new(status, error, code, signal);

        if (facts.StreamCompleted && !facts.StreamFailed && code is null or 0)
        {
            return Verdict(SessionStatus.Completed, null);
        }
        if (facts.KillRequested)
        {
            return Verdict(SessionStatus.Killed, "killed by user");
        }
        if (code is { } exitCode and not 0)
        {
            var detail = facts.FailureMessage ?? facts.LastError ?? facts.StderrTail;
            var how = signal is null ? $"exit code {exitCode}" : $"{signal}, exit code {exitCode}";
            return Verdict(SessionStatus.Failed, detail is null ? $"the agent exited with {how}" : $"{detail} ({how})");
        }
        if (facts.StreamFailed)
        {
            return Verdict(SessionStatus.Failed, facts.FailureMessage ?? "the agent reported a failed turn");
        }
        if (record is not null)
        {
            return Verdict(SessionStatus.Failed, facts.LastError ?? "the agent exited without completing the turn");
        }
        return Verdict(SessionStatus.Failed, facts switch
        {
            { Exit.State: ExitRecordState.Unreadable } =>
                "the turn ended without completing, and its exit status could not be recorded (disk full?)",
            { Started: false } => "the turn never started (the zwarm process that spawned it stopped first)",
            _ => "the turn's processes ended without recording an exit status (killed from outside?)",
        });
    }
}
