// The Codex parser on real `codex exec --json` output captured from codex-cli 0.169.0.
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexStreamParserSampleTests
{
    [Fact]
    public void Hello_YieldsThreadMessageUsageAndCompletion()
    {
        var parser = new CodexStreamParser();

        var events = Samples.Parse("codex_hello.jsonl", parser);

        Assert.Equal(
            [
                new ConversationStarted("01a209ab-6aea-7160-9237-a2585388714b"),
                new AssistantMessage("Hello from fake model (#1)"),
                new UsageReported(new TokenUsage(101, 10, 0, 20, 5), Cumulative: true),
                new TurnCompleted("Hello from fake model (#1)"),
            ],
            events);
        Assert.Equal(0, parser.MalformedLines);
    }

    [Fact]
    public void Resume_KeepsTheThreadIdAndReportsCumulativeUsage()
    {
        var events = Samples.Parse("codex_resume.jsonl", new CodexStreamParser());

        Assert.Equal(new ConversationStarted("01a209ab-6aea-7160-9237-a2585388714b"), events[0]);
        Assert.Equal(new UsageReported(new TokenUsage(203, 20, 0, 40, 10), Cumulative: true), events[2]);
        Assert.Equal(new TurnCompleted("Hello from fake model (#2)"), events[3]);
    }

    [Fact]
    public void Tool_YieldsTheCommandWithItsOutputAndExitCode()
    {
        // Reported as "/bin/bash -c 'echo ... && cat out.txt'": the command is the script, without the shell wrapper.
        const string command = "echo hello-from-tool > out.txt && cat out.txt";

        var events = Samples.Parse("codex_tool.jsonl", new CodexStreamParser());

        Assert.Equal(
            [
                new ConversationStarted("01a209ab-74a1-76d2-8c59-b5b86f59aba2"),
                new CommandStarted("item_0", command),
                new CommandExecuted("item_0", command, "hello-from-tool\n", 0),
                new AssistantMessage("Done: Chunk ID: 91055b\nWall time: 0.0362 seconds\nProcess exited with code 0\n"
                    + "Original token count: 4\nOutput:\nhello-from-tool\n"),
                new UsageReported(new TokenUsage(203, 20, 0, 40, 10), Cumulative: true),
            ],
            events[..^1]);
        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void Reasoning_YieldsReasoningBeforeTheAnswer()
    {
        var events = Samples.Parse("codex_reasoning.jsonl", new CodexStreamParser());

        Assert.Equal(new Reasoning("**Thinking** about the request"), events[1]);
        Assert.Equal(new AssistantMessage("Reasoned answer (#3)"), events[2]);
    }

    [Fact]
    public void Patch_YieldsOneFileChangePerCompletedItem()
    {
        var events = Samples.Parse("codex_patch.jsonl", new CodexStreamParser());

        var changes = events.OfType<FileChanged>().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("item_0", changes[0].Id);
        Assert.True(changes[0].Succeeded);
        Assert.Equal([new FileChange("/home/dev/proj/hello2.txt", "add")], changes[0].Changes);
        Assert.Equal([new FileChange("/home/dev/proj/hello2.txt", "update")], changes[1].Changes);
        Assert.Equal(new AssistantMessage("Created and edited hello2.txt"), events.OfType<AssistantMessage>().Single());
    }

    [Theory]
    [InlineData("codex_err_401.jsonl",
        "unexpected status 401 Unauthorized: Incorrect API key provided, url: http://127.0.0.1:18080/v1/responses")]
    [InlineData("codex_err_500.jsonl", "We’re currently experiencing high demand, which may cause temporary errors.")]
    [InlineData("codex_err_failed.jsonl", "stream disconnected before completion: model exploded")]
    [InlineData("codex_err_trunc.jsonl",
        "stream disconnected before completion: stream closed before response.completed")]
    public void Errors_EndInTurnFailedWithTheMessage(string sample, string message)
    {
        var events = Samples.Parse(sample, new CodexStreamParser());

        Assert.Equal(new ErrorReported(message), events[^2]);
        Assert.Equal(new TurnFailed(message), events[^1]);
        Assert.DoesNotContain(events, e => e is TurnCompleted or UsageReported);
    }

    [Fact]
    public void Truncated_KeepsThePartialMessageBeforeTheFailure()
    {
        var events = Samples.Parse("codex_err_trunc.jsonl", new CodexStreamParser());

        Assert.Equal(new AssistantMessage("partial"), events[1]);
    }

    [Theory]
    [InlineData("codex_hello.jsonl")]
    [InlineData("codex_resume.jsonl")]
    [InlineData("codex_tool.jsonl")]
    [InlineData("codex_reasoning.jsonl")]
    [InlineData("codex_patch.jsonl")]
    [InlineData("codex_err_401.jsonl")]
    [InlineData("codex_err_500.jsonl")]
    [InlineData("codex_err_failed.jsonl")]
    [InlineData("codex_err_trunc.jsonl")]
    public void EverySample_ParsesWithoutMalformedOrUnknownLines(string sample)
    {
        var stats = new ParseStats();

        var events = Samples.Parse(sample, new CodexStreamParser(), stats);

        Assert.Equal(0, stats.MalformedLines);
        Assert.DoesNotContain(events, e => e is UnknownEvent);
        Assert.IsType<ConversationStarted>(events[0]);
    }
}
