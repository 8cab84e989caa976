using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Events;

public sealed class TurnDigestTests
{
    private static TurnDigest Codex(string sample) => TurnDigest.FromFile(Samples.PathOf(sample), new CodexStreamParser());

    private static TurnDigest Claude(string sample) => TurnDigest.FromFile(Samples.PathOf(sample), new ClaudeStreamParser());

    [Fact]
    public void CodexHello_Succeeds_WithCumulativeUsage()
    {
        var digest = Codex("codex_hello.jsonl");

        Assert.Equal("01a209ab-6aea-7160-9237-a2585388714b", digest.ResumeId);
        Assert.Null(digest.Model);
        Assert.Equal(["Hello from fake model (#1)"], digest.Messages);
        Assert.Equal("Hello from fake model (#1)", digest.LastMessage);
        Assert.Equal(new TokenUsage(101, 10, 0, 20, 5), digest.Usage);
        Assert.True(digest.UsageIsCumulative);
        Assert.Null(digest.ReportedCostUsd);
        Assert.True(digest.Completed);
        Assert.False(digest.Failed);
        Assert.True(digest.Succeeded);
        Assert.Null(digest.LastError);
    }

    [Fact]
    public void CodexResume_ReportsTheThreadsCumulativeUsage()
    {
        var digest = Codex("codex_resume.jsonl");

        Assert.Equal(new TokenUsage(203, 20, 0, 40, 10), digest.Usage);
        Assert.True(digest.UsageIsCumulative);
        Assert.Equal("Hello from fake model (#2)", digest.LastMessage);
    }

    [Fact]
    public void CodexTool_CountsTheCommand()
    {
        var digest = Codex("codex_tool.jsonl");

        Assert.Equal(1, digest.Commands);
        Assert.Equal(0, digest.ToolCalls);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void CodexPatch_CountsBothChanges()
    {
        var digest = Codex("codex_patch.jsonl");

        Assert.Equal(2, digest.FileChanges);
        Assert.Equal("Created and edited hello2.txt", digest.LastMessage);
    }

    [Fact]
    public void CodexReasoning_KeepsOnlyTheAnswerAsAMessage()
    {
        var digest = Codex("codex_reasoning.jsonl");

        Assert.Equal(["Reasoned answer (#3)"], digest.Messages);
    }

    [Theory]
    [InlineData("codex_err_401.jsonl", "unexpected status 401 Unauthorized: Incorrect API key provided, url: http://127.0.0.1:18080/v1/responses")]
    [InlineData("codex_err_500.jsonl", "We’re currently experiencing high demand, which may cause temporary errors.")]
    [InlineData("codex_err_failed.jsonl", "stream disconnected before completion: model exploded")]
    [InlineData("codex_err_trunc.jsonl", "stream disconnected before completion: stream closed before response.completed")]
    public void CodexErrors_Fail_WithTheMessage(string sample, string message)
    {
        var digest = Codex(sample);

        Assert.True(digest.Failed);
        Assert.False(digest.Completed);
        Assert.False(digest.Succeeded);
        Assert.Equal(message, digest.FailureMessage);
        Assert.Equal(message, digest.LastError);
        Assert.Null(digest.Usage);
    }

    [Fact]
    public void CodexTruncated_KeepsThePartialMessage()
    {
        Assert.Equal(["partial"], Codex("codex_err_trunc.jsonl").Messages);
    }

    [Fact]
    public void ClaudeHello_Succeeds_WithModelPerInvocationUsageAndCost()
    {
        var digest = Claude("claude_hello.jsonl");

        Assert.Equal("2a28bab5-a7d3-4434-bbfd-b0508f1bf0c7", digest.ResumeId);
        Assert.Equal("claude-sonnet-4-5", digest.Model);
        Assert.Equal(["Hello from fake claude (#1)"], digest.Messages);
        Assert.Equal(new TokenUsage(InputTokens: 101, OutputTokens: 20), digest.Usage);
        Assert.False(digest.UsageIsCumulative);
        Assert.Equal(0.000603m, digest.ReportedCostUsd);
        Assert.Equal("Hello from fake claude (#1)", digest.Result);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void ClaudeResume_ReportsTheSessionsTotalCost()
    {
        var digest = Claude("claude_resume.jsonl");

        Assert.Equal(0.001209m, digest.ReportedCostUsd);
        Assert.Equal(new TokenUsage(InputTokens: 102, OutputTokens: 20), digest.Usage);
    }

    [Fact]
    public void ClaudeTool_CountsTheCommandAndKeepsBothMessages()
    {
        var digest = Claude("claude_tool.jsonl");

        Assert.Equal(1, digest.Commands);
        Assert.Equal(2, digest.Messages.Count);
        Assert.Equal("Running it.", digest.Messages[0]);
        Assert.StartsWith("Done: claude-tool", digest.LastMessage);
    }

    [Fact]
    public void ClaudeToolDenied_CountsOneDenialAndStillCompletes()
    {
        var digest = Claude("claude_tool_denied.jsonl");

        Assert.Equal(1, digest.PermissionDenials);
        Assert.Equal(1, digest.Commands);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void ClaudeWrite_CountsTheFailedWriteAsAToolCallButNoFileChange()
    {
        var digest = Claude("claude_write.jsonl");

        Assert.Equal(1, digest.ToolCalls);
        Assert.Equal(0, digest.FileChanges);
        Assert.Equal(new TokenUsage(951, 300, 50, 27, 0), digest.Usage);
        Assert.Equal(0.0024855m, digest.ReportedCostUsd);
    }

    [Theory]
    [InlineData("claude_err_401.jsonl", "Invalid API key · Fix external API key")]
    [InlineData("claude_err_500.jsonl", "API Error: 500 Internal server error. This is a server-side issue, usually temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:18081).")]
    [InlineData("claude_err_sse_err.jsonl", "API Error: 529 Overloaded. This is a server-side issue, usually temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:18081).")]
    public void ClaudeErrors_Fail_AndHaveNoAnswer(string sample, string message)
    {
        var digest = Claude(sample);

        Assert.True(digest.Failed);
        Assert.False(digest.Completed);
        Assert.Equal(message, digest.FailureMessage);
        Assert.Equal(message, digest.LastError);
        Assert.Empty(digest.Messages);
        Assert.Null(digest.LastMessage);
    }

    [Fact]
    public void FromFile_MissingFile_IsEmpty()
    {
        var digest = TurnDigest.FromFile(Samples.PathOf("no_such_turn.jsonl"), new CodexStreamParser());

        Assert.Null(digest.ResumeId);
        Assert.Empty(digest.Messages);
        Assert.Null(digest.Usage);
        Assert.False(digest.Completed);
        Assert.False(digest.Failed);
        Assert.Equal(0, digest.MalformedLines);
    }

    [Fact]
    public void FromFile_CountsMalformedLines()
    {
        using var dir = new TempDirectory();
        var path = dir.File("turn_1.jsonl");
        File.WriteAllLines(path,
        [
            "{\"type\":\"thread.started\",\"thread_id\":\"t\"}",
            "Reading prompt from stdin...",
            "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"x\",\"type\":\"agent",
        ]);

        var digest = TurnDigest.FromFile(path, new CodexStreamParser());

        Assert.Equal(2, digest.MalformedLines);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void Builder_AddsPerInvocationUsageAndReplacesCumulativeUsage()
    {
        var perInvocation = TurnDigest.From(
        [
            new UsageReported(new TokenUsage(InputTokens: 1, OutputTokens: 2), Cumulative: false),
            new UsageReported(new TokenUsage(InputTokens: 10, OutputTokens: 20), Cumulative: false),
        ]);
        var cumulative = TurnDigest.From(
        [
            new UsageReported(new TokenUsage(InputTokens: 1, OutputTokens: 2), Cumulative: true),
            new UsageReported(new TokenUsage(InputTokens: 10, OutputTokens: 20), Cumulative: true),
        ]);

        Assert.Equal(new TokenUsage(InputTokens: 11, OutputTokens: 22), perInvocation.Usage);
        Assert.Equal(new TokenUsage(InputTokens: 10, OutputTokens: 20), cumulative.Usage);
    }

    [Fact]
    public void Builder_CountsEveryKindOfEvent()
    {
        var digest = TurnDigest.From(
        [
            new ToolCall("1", "Read", "{}"),
            new ToolCall("2", "web_search", "q"),
            new FileChanged("3", [new FileChange("a", "add"), new FileChange("b", "delete")], Succeeded: true),
            new FileChanged("4", [new FileChange("c", "update")], Succeeded: false),
            new PermissionDenied("Bash", "no"),
            new UnknownEvent("x", "{}"),
            new ErrorReported("first"),
            new ErrorReported("second"),
        ]);

        Assert.Equal(2, digest.ToolCalls);
        Assert.Equal(2, digest.FileChanges);
        Assert.Equal(1, digest.PermissionDenials);
        Assert.Equal(1, digest.UnknownEvents);
        Assert.Equal("second", digest.LastError);
        Assert.False(digest.Completed);
        Assert.False(digest.Failed);
    }
}
