// The Claude parser on real `--output-format stream-json --verbose` output captured from Claude Code 2.1.330.
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Claude;

public sealed class ClaudeStreamParserSampleTests
{
    private const string Cwd = "/home/dev/proj";
    private const string Sonnet = "claude-sonnet-4-5";

    [Fact]
    public void Hello_YieldsSessionMessageUsageAndCostedCompletion()
    {
        var parser = new ClaudeStreamParser();

        var events = Samples.Parse("claude_hello.jsonl", parser);

        Assert.Equal(
            [
                new ConversationStarted("2a28bab5-a7d3-4434-bbfd-b0508f1bf0c7", Sonnet, Cwd),
                new AssistantMessage("Hello from fake claude (#1)"),
                new UsageReported(new TokenUsage(InputTokens: 101, OutputTokens: 20), Cumulative: false),
                new TurnCompleted("Hello from fake claude (#1)", 0.000603m),
            ],
            events);
        Assert.Equal(0, parser.MalformedLines);
    }

    [Fact]
    public void Resume_ReportsThisInvocationsUsageAndTheSessionsTotalCost()
    {
        var events = Samples.Parse("claude_resume.jsonl", new ClaudeStreamParser());

        Assert.Equal(new ConversationStarted("2a28bab5-a7d3-4434-bbfd-b0508f1bf0c7", Sonnet, Cwd), events[0]);
        Assert.Equal(new UsageReported(new TokenUsage(InputTokens: 102, OutputTokens: 20), Cumulative: false), events[2]);
        Assert.Equal(new TurnCompleted("Hello from fake claude (#2)", 0.001209m), events[3]);
    }

    [Fact]
    public void Tool_PairsTheBashCallWithItsResult()
    {
        const string id = "toolu_fake_3_1";
        const string command = "echo claude-tool > c_out.txt && cat c_out.txt";
        const string done = "Done: claude-tool\n\n<system-reminder>\n<total_tokens>14999877 tokens left</total_tokens>\n</system-reminder>";

        var events = Samples.Parse("claude_tool.jsonl", new ClaudeStreamParser());

        Assert.Equal(
            [
                new ConversationStarted("d24f1306-27ef-4d43-88d1-a52090a6e1d4", Sonnet, Cwd),
                new AssistantMessage("Running it."),
                new CommandStarted(id, command),
                new CommandExecuted(id, command, "claude-tool", 0),
                new AssistantMessage(done),
                new UsageReported(new TokenUsage(InputTokens: 207, OutputTokens: 40), Cumulative: false),
                new TurnCompleted(done, 0.0012209999999999999m),
            ],
            events);
    }

    [Fact]
    public void ToolDenied_ReportsTheDenialOnceAndNoExitCode()
    {
        const string id = "toolu_fake_5_1";
        const string command = "echo denied > denied.txt";
        const string refusal = "Output redirection to '/home/dev/proj/denied.txt' needs approval. The path is inside the "
            + "working directories for this session ('/home/dev/proj'), and Claude Code asks before a shell command "
            + "creates, changes or removes files there.";

        var events = Samples.Parse("claude_tool_denied.jsonl", new ClaudeStreamParser());

        Assert.Equal(new CommandStarted(id, command), events[2]);
        Assert.Equal(new PermissionDenied("Bash", refusal), events[3]);
        Assert.Equal(new CommandExecuted(id, command, refusal, null), events[4]);
        // result.permission_denials repeats the same denial; it is not reported twice.
        Assert.Single(events.OfType<PermissionDenied>());
        Assert.Equal(0.0012330000000000002m, Assert.IsType<TurnCompleted>(events[^1]).CostUsd);
    }

    [Fact]
    public void Write_ThatFailed_IsAnErrorResultNotAFileChange()
    {
        var events = Samples.Parse("claude_write.jsonl", new ClaudeStreamParser());

        Assert.Equal(
            [
                new ConversationStarted("3408e22d-301b-4292-ae7e-79255feb967e", Sonnet, Cwd),
                new Reasoning("I should create a file."),
                new ToolCall("toolu_fake_1_1", "Write",
                    "{\"file_path\":\"/home/dev/work/w.txt\",\"content\":\"written by claude\\n\"}"),
                new ToolResult("toolu_fake_1_1", "Write",
                    "<tool_use_error>File has not been read yet. Read it first before writing to it.</tool_use_error>",
                    IsError: true),
                new AssistantMessage("Wrote w.txt."),
                new UsageReported(new TokenUsage(951, 300, 50, 27, 0), Cumulative: false),
                new TurnCompleted("Wrote w.txt.", 0.0024855m),
            ],
            events);
        Assert.DoesNotContain(events, e => e is FileChanged);
    }

    [Fact]
    public void Usage_CountsCacheReadsAndWritesAsInput()
    {
        var usage = Samples.Parse("claude_write.jsonl", new ClaudeStreamParser()).OfType<UsageReported>().Single().Usage;

        // 601 uncached + 300 cache reads + 50 cache writes.
        Assert.Equal(951, usage.InputTokens);
        Assert.Equal(300, usage.CachedInputTokens);
        Assert.Equal(50, usage.CacheWriteInputTokens);
        Assert.Equal(27, usage.OutputTokens);
    }

    [Theory]
    [InlineData("claude_err_401.jsonl", "Invalid API key · Fix external API key")]
    [InlineData("claude_err_500.jsonl", "API Error: 500 Internal server error. This is a server-side issue, usually "
        + "temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:18081).")]
    [InlineData("claude_err_sse_err.jsonl", "API Error: 529 Overloaded. This is a server-side issue, usually "
        + "temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:18081).")]
    public void ApiErrors_FailTheTurnAndNeverLookLikeAnAnswer(string sample, string message)
    {
        var events = Samples.Parse(sample, new ClaudeStreamParser());

        Assert.Equal(new ErrorReported(message), events[1]);
        Assert.Equal(new TurnFailed(message, 0m), events[^1]);
        Assert.DoesNotContain(events, e => e is AssistantMessage or TurnCompleted);
    }

    [Theory]
    [InlineData("claude_hello.jsonl")]
    [InlineData("claude_resume.jsonl")]
    [InlineData("claude_tool.jsonl")]
    [InlineData("claude_tool_denied.jsonl")]
    [InlineData("claude_write.jsonl")]
    [InlineData("claude_err_401.jsonl")]
    [InlineData("claude_err_500.jsonl")]
    [InlineData("claude_err_sse_err.jsonl")]
    public void EverySample_ParsesWithoutMalformedOrUnknownLines(string sample)
    {
        var stats = new ParseStats();

        var events = Samples.Parse(sample, new ClaudeStreamParser(), stats);

        Assert.Equal(0, stats.MalformedLines);
        Assert.DoesNotContain(events, e => e is UnknownEvent);
        Assert.IsType<ConversationStarted>(events[0]);
        Assert.IsType<UsageReported>(events[^2]);
    }
}
