// The Claude parser on hand-written lines: tool kinds not in the samples, retries, error results and bad input.
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Claude;

public sealed class ClaudeStreamParserTests
{
    private static string ToolUse(string id, string name, string input) =>
        $"{{\"type\":\"assistant\",\"message\":{{\"model\":\"claude-sonnet-4-5\",\"content\":[{{\"type\":\"tool_use\",\"id\":\"{id}\",\"name\":\"{name}\",\"input\":{input}}}]}}}}";

    private static string ToolResult(string id, string content, bool? isError = null) =>
        $"{{\"type\":\"user\",\"message\":{{\"role\":\"user\",\"content\":[{{\"type\":\"tool_result\",\"tool_use_id\":\"{id}\",\"content\":{content}"
        + (isError is null ? "" : $",\"is_error\":{(isError.Value ? "true" : "false")}") + "}]}}";

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"cut")]
    [InlineData("{\"no_type\":true}")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"system\",\"subtype\":\"init\"}")]
    [InlineData("{\"type\":\"assistant\"}")]
    public void MalformedLine_IsCountedAndYieldsNothing(string line)
    {
        var parser = new ClaudeStreamParser();

        var events = Samples.ParseLines(parser, line);

        Assert.Empty(events);
        Assert.Equal(1, parser.MalformedLines);
    }

    [Fact]
    public void FailedBash_TakesTheExitCodeFromTheResultText()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            ToolUse("b1", "Bash", "{\"command\":\"cat nofile.txt\"}"),
            ToolResult("b1", "\"Exit code 1\\ncat: nofile.txt: No such file or directory\"", isError: true),
            ToolUse("b2", "Bash", "{\"command\":\"weird\"}"),
            ToolResult("b2", "\"something went wrong\"", isError: true));

        Assert.Equal(
            new CommandExecuted("b1", "cat nofile.txt", "Exit code 1\ncat: nofile.txt: No such file or directory", 1),
            events[1]);
        Assert.Equal(new CommandExecuted("b2", "weird", "something went wrong", 1), events[3]);
    }

    [Theory]
    [InlineData("Exit code 3\nboom", 3)]
    [InlineData("  Exit code 127", 127)]
    [InlineData("Exit code -1", -1)]
    [InlineData("it said Exit code 2 somewhere", null)]
    [InlineData("Exit code x", null)]
    public void ParseExitCode_ReadsOnlyALeadingExitCode(string output, int? expected)
    {
        Assert.Equal(expected, ClaudeStreamParser.ParseExitCode(output));
    }

    [Fact]
    public void SuccessfulWriteAndEdit_AreFileChanges()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            ToolUse("w", "Write", "{\"file_path\":\"/p/new.txt\",\"content\":\"x\"}"),
            ToolResult("w", "\"File created successfully at: /p/new.txt\""),
            ToolUse("e", "Edit", "{\"file_path\":\"/p/new.txt\",\"old_string\":\"x\",\"new_string\":\"y\"}"),
            ToolResult("e", "\"The file /p/new.txt has been updated successfully.\""),
            ToolUse("n", "NotebookEdit", "{\"notebook_path\":\"/p/a.ipynb\",\"new_source\":\"1\"}"),
            ToolResult("n", "[{\"type\":\"text\",\"text\":\"Updated cell\"}]", isError: false));

        var changes = events.OfType<FileChanged>().ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.True(c.Succeeded));
        Assert.Equal([new FileChange("/p/new.txt", "add")], changes[0].Changes);
        Assert.Equal([new FileChange("/p/new.txt", "update")], changes[1].Changes);
        Assert.Equal([new FileChange("/p/a.ipynb", "update")], changes[2].Changes);
        Assert.Equal(3, events.OfType<ToolCall>().Count());
    }

    [Fact]
    public void OtherTools_AreToolCallsWithResultsJoinedFromTextBlocks()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            ToolUse("r", "Read", "{\"file_path\":\"/p/a.txt\"}"),
            ToolResult("r", "[{\"type\":\"text\",\"text\":\"1\\ty\"},{\"type\":\"text\",\"text\":\"2\\tz\"}]"));

        Assert.Equal(
            [new ToolCall("r", "Read", "{\"file_path\":\"/p/a.txt\"}"), new ToolResult("r", "Read", "1\ty\n2\tz", false)],
            events);
    }

    [Fact]
    public void ResultForAnUnknownToolUse_IsStillReported()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(), ToolResult("ghost", "\"boo\"", isError: true));

        Assert.Equal([new ToolResult("ghost", "unknown", "boo", true)], events);
    }

    [Fact]
    public void ApiRetry_IsANonFatalError()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            "{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":2,\"max_retries\":10,\"retry_delay_ms\":1200,\"error_status\":529,\"error\":\"overloaded\"}");

        Assert.Equal([new ErrorReported("API retry 2/10 (status 529): overloaded")], events);
    }

    [Fact]
    public void ErrorResult_WithoutResultText_FailsWithItsErrors()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            "{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,\"total_cost_usd\":0.5,\"errors\":[\"Reached maximum number of turns (3)\"],\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}");

        Assert.Equal(
            [
                new UsageReported(new TokenUsage(InputTokens: 1, OutputTokens: 2), Cumulative: false),
                new TurnFailed("Reached maximum number of turns (3)", 0.5m),
            ],
            events);
    }

    [Fact]
    public void DenialsOnlyInTheResult_AreReported()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"ok\",\"permission_denials\":[{\"tool_name\":\"mcp__zwarm__delegate\",\"tool_use_id\":\"t9\",\"tool_input\":{}}]}");

        Assert.Equal(
            [new PermissionDenied("mcp__zwarm__delegate", "permission denied"), new TurnCompleted("ok", null)],
            events);
    }

    [Fact]
    public void UnknownLinesAndSystemSubtypes_AreKept()
    {
        const string control = "{\"type\":\"control_request\",\"request_id\":\"1\"}";
        const string compact = "{\"type\":\"system\",\"subtype\":\"compact_boundary\"}";

        var events = Samples.ParseLines(new ClaudeStreamParser(), control, compact,
            "{\"type\":\"system\",\"subtype\":\"thinking_tokens\",\"estimated_tokens\":6}",
            "{\"type\":\"stream_event\",\"event\":{}}");

        Assert.Equal([new UnknownEvent("control_request", control), new UnknownEvent("system:compact_boundary", compact)],
            events);
    }

    [Fact]
    public void SyntheticMessageFlaggedOnlyByIsApiErrorMessage_IsAnError()
    {
        var events = Samples.ParseLines(new ClaudeStreamParser(),
            "{\"type\":\"assistant\",\"is_api_error_message\":true,\"error\":\"rate_limit\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"content\":[]}}");

        Assert.Equal([new ErrorReported("rate_limit")], events);
    }
}
