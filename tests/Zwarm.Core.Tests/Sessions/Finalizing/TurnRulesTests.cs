using Zwarm.Core.Sessions;
using Zwarm.Core.Sessions.Finalizing;

namespace Zwarm.Core.Tests.Sessions.Finalizing;

public sealed class TurnRulesTests
{
    // Exit record: "-" missing, "?" unreadable (empty/invalid, e.g. disk full), else the exit code.
    // Stream: "done" completed, "fail" reported a failed turn, "cut" neither.
    [Theory]
    [InlineData("0", "done", false, true, SessionStatus.Completed, null)]
    [InlineData("0", "done", true, true, SessionStatus.Completed, null)] // kill raced a natural end: the facts win
    [InlineData("130", "done", true, true, SessionStatus.Killed, "killed by user")] // our SIGINT ended it
    [InlineData("130", "cut", true, true, SessionStatus.Killed, "killed by user")]
    [InlineData("0", "cut", true, true, SessionStatus.Killed, "killed by user")] // stopped gracefully on our SIGINT
    [InlineData("-", "cut", true, true, SessionStatus.Killed, "killed by user")] // SIGKILLed with its supervisor
    [InlineData("-", "done", true, true, SessionStatus.Completed, null)]
    [InlineData("1", "fail", false, true, SessionStatus.Failed, "boom (exit code 1)")]
    [InlineData("137", "cut", false, true, SessionStatus.Failed, "the agent exited with SIGKILL, exit code 137")]
    [InlineData("2", "done", false, true, SessionStatus.Failed, "the agent exited with exit code 2")] // non-zero exit is a fact too
    [InlineData("0", "fail", false, true, SessionStatus.Failed, "boom")]
    [InlineData("0", "cut", false, true, SessionStatus.Failed, "the agent exited without completing the turn")]
    [InlineData("?", "done", false, true, SessionStatus.Completed, null)] // disk full lost the record, not the truth
    [InlineData("?", "cut", false, true, SessionStatus.Failed, "the turn ended without completing, and its exit status could not be recorded (disk full?)")]
    [InlineData("-", "done", false, true, SessionStatus.Completed, null)] // supervisor SIGKILLed, agent finished
    [InlineData("-", "fail", false, true, SessionStatus.Failed, "boom")]
    [InlineData("-", "cut", false, true, SessionStatus.Failed, "the turn's processes ended without recording an exit status (killed from outside?)")]
    [InlineData("-", "cut", false, false, SessionStatus.Failed, "the turn never started (the zwarm process that spawned it stopped first)")]
    public void Judge(string exit, string stream, bool killRequested, bool started, SessionStatus status, string? error)
    {
        var facts = new TurnEndFacts
        {
            KillRequested = killRequested,
            Exit = exit switch
            {
                "-" => ExitRecordRead.Missing,
                "?" => ExitRecordRead.Unreadable,
                _ => ExitRecordRead.Valid(new ExitRecord { ExitCode = int.Parse(exit, System.Globalization.CultureInfo.InvariantCulture), EndedAt = "t" }),
            },
            Started = started,
            StreamCompleted = stream == "done",
            StreamFailed = stream == "fail",
            FailureMessage = stream == "fail" ? "boom" : null,
        };

        var verdict = TurnRules.Judge(facts);

        Assert.Equal(status, verdict.Status);
        Assert.Equal(error, verdict.Error);
        Assert.Equal(facts.Exit.Record?.ExitCode, verdict.ExitCode);
        Assert.False(verdict.Status == SessionStatus.Killed && verdict.ExitCode == 0 && facts.StreamCompleted,
            "a turn that exited 0 with a completed stream is never recorded killed");
    }

    [Fact]
    public void Judge_NamesTheSignalBehindTheExitCode_AndUsesStderrWhenTheStreamIsSilent()
    {
        var verdict = TurnRules.Judge(new TurnEndFacts
        {
            Exit = ExitRecordRead.Valid(new ExitRecord { ExitCode = 143 }),
            Started = true,
            StderrTail = "Error: out of memory",
        });

        Assert.Equal("SIGTERM", verdict.Signal);
        Assert.Equal("Error: out of memory (SIGTERM, exit code 143)", verdict.Error);
    }

    [Theory]
    [InlineData(true, false, false, false, TurnPhase.Ended)]
    [InlineData(true, true, true, false, TurnPhase.Ended)] // exit recorded: over, even while the finalizer runs
    [InlineData(false, true, true, false, TurnPhase.Running)]
    [InlineData(false, true, false, true, TurnPhase.Running)] // long pending, but a process carries the token
    [InlineData(false, false, true, false, TurnPhase.Ended)]
    [InlineData(false, false, false, false, TurnPhase.Waiting)] // just launched: no pid file yet
    [InlineData(false, false, false, true, TurnPhase.Ended)] // never started
    public void Phase(bool exitRecorded, bool alive, bool hasHandle, bool pendingTooLong, TurnPhase expected) =>
        Assert.Equal(expected, TurnRules.Phase(exitRecorded, alive, hasHandle, pendingTooLong));
}
