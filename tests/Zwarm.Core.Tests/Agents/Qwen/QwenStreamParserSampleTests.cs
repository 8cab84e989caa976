// The Qwen parser on real `--output-format stream-json` output captured from Qwen Code 0.24.4 against a local model
// server (shared/reference/samples, plus qwen_denied.jsonl: a shell call refused in --approval-mode default).
using Zwarm.Core.Agents.Qwen;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Qwen;

public sealed class QwenStreamParserSampleTests
{
    private const string Cwd = "/home/dev/project";
    private const string Model = "fake-model";
    private const string SessionId = "11111111-2222-4333-8444-555555555555";

    [Fact]
    public void FirstTurn_PairsTheShellCallWithItsReport_AndSumsTheUsageOfEachModelCall()
    {
        const string report = "Command: echo hi > f.txt\nDirectory: (root)\nOutput: (empty)\nError: (none)\nExit Code: 0\n"
            + "Signal: (none)\nProcess Group PGID: (none)";
        var parser = new QwenStreamParser();

        var events = Samples.Parse("qwen_first_turn.jsonl", parser);

        Assert.Equal(
            [
                new ConversationStarted(SessionId, Model, Cwd),
                new CommandStarted("call_fake_1_0", "echo hi > f.txt"),
                new UsageReported(new TokenUsage(InputTokens: 101, CachedInputTokens: 10, OutputTokens: 20), Cumulative: false),
                new CommandExecuted("call_fake_1_0", "echo hi > f.txt", "", 0),
                new AssistantMessage("Done: " + report),
                new UsageReported(new TokenUsage(InputTokens: 102, CachedInputTokens: 10, OutputTokens: 20), Cumulative: false),
                new TurnCompleted("Done: " + report),
            ],
            events);
        Assert.Equal(0, parser.MalformedLines);
        // The two calls add up to what the result line reports for this first turn (203 / 20 cached / 40).
        var digest = Digest(events);
        Assert.Equal(new TokenUsage(203, 20, 0, 40, 0), digest.Usage);
        Assert.False(digest.UsageIsCumulative);
    }

    [Fact]
    public void FollowUp_CountsOnlyThisTurnsCall_NotTheSessionTotalOfTheResultLine()
    {
        var events = Samples.Parse("qwen_followup.jsonl", new QwenStreamParser());

        // result.usage says 304 / 30 / 60: turn 1's 203 / 20 / 40 plus this turn's call.
        var digest = Digest(events);
        Assert.Equal(new TokenUsage(InputTokens: 101, CachedInputTokens: 10, OutputTokens: 20), digest.Usage);
        Assert.False(digest.UsageIsCumulative);
        Assert.Equal(SessionId, digest.ResumeId);
        Assert.Equal(["Hello from fake model (#1)"], digest.Messages);
        Assert.True(digest.Completed);
    }

    [Fact]
    public void Unauthorized_IsAnErrorNotAnAnswer_AndFailsTheTurnWithTheServersMessage()
    {
        const string message = "[API Error: 401 fake HTTP 401 error]";

        var events = Samples.Parse("qwen_401.jsonl", new QwenStreamParser());

        Assert.Equal(
            [
                new ConversationStarted("397c586c-b2be-4f0b-9b79-5bc353b4894c", Model, Cwd),
                new ErrorReported(message),
                new TurnFailed(message),
            ],
            events);
        var digest = Digest(events);
        Assert.Empty(digest.Messages);
        Assert.Null(digest.Usage);
    }

    [Fact]
    public void PartialMessages_AreSkipped_AndGiveTheSameEventsAsCompleteLines()
    {
        var parser = new QwenStreamParser();

        var events = Samples.Parse("qwen_first_turn_partial.jsonl", parser);

        Assert.Equal(0, parser.MalformedLines);
        Assert.Equal(new CommandExecuted("call_fake_1_0", "echo partial > p.txt", "", 0), events.OfType<CommandExecuted>().Single());
        Assert.Single(events.OfType<AssistantMessage>());
        Assert.Equal(new TokenUsage(203, 20, 0, 40, 0), Digest(events).Usage);
        Assert.DoesNotContain(events, e => e is UnknownEvent);
    }

    [Fact]
    public void RefusedShellCall_IsOnePermissionDenial_WithoutAnExitCode()
    {
        const string refusal = "Qwen Code requires permission to use \"run_shell_command\", but that permission was declined. "
            + "Matching deny rule: \"run_shell_command\".";

        var events = Samples.Parse("qwen_denied.jsonl", new QwenStreamParser());

        Assert.Equal(new AssistantMessage("Writing it."), events[1]);
        Assert.Equal(new CommandStarted("call_1", "echo hi > f.txt && cat f.txt"), events[2]);
        Assert.Equal(new PermissionDenied("run_shell_command", refusal), events[4]);
        Assert.Equal(new CommandExecuted("call_1", "echo hi > f.txt && cat f.txt", refusal, null), events[5]);
        // result.permission_denials repeats the same denial; it is not reported twice.
        Assert.Single(events.OfType<PermissionDenied>());
        Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(1, Digest(events).PermissionDenials);
    }

    private static TurnDigest Digest(IEnumerable<AgentEvent> events)
    {
        var builder = new TurnDigestBuilder();
        builder.AddRange(events);
        return builder.Build();
    }
}
