// The Codex parser on hand-written lines: item kinds not in the samples, odd property order, and bad input.
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexStreamParserTests
{
    [Theory]
    [InlineData("Reading prompt from stdin...")]
    [InlineData("2025-11-03T10:00:00.000000Z ERROR codex_core::exec: boom")]
    [InlineData("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"agent_message\",\"text\":\"par")]
    [InlineData("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"agent_message\",\"text\":\"x\"}")]
    [InlineData("{\"type\":\"turn.started\"} trailing")]
    [InlineData("{\"no_type\":1}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"type\":\"thread.started\"}")]
    [InlineData("{\"type\":\"item.completed\"}")]
    public void MalformedLine_IsCountedAndYieldsNothing(string line)
    {
        var parser = new CodexStreamParser();

        var events = Samples.ParseLines(parser, line);

        Assert.Empty(events);
        Assert.Equal(1, parser.MalformedLines);
    }

    [Fact]
    public void MalformedLine_DoesNotStopLaterLines()
    {
        var parser = new CodexStreamParser();

        var events = Samples.ParseLines(parser,
            "{\"type\":\"thread.started\",\"thread_id\":\"t1\"}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"a\",\"type\":\"agent_message\",\"text\":\"cut",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"b\",\"type\":\"agent_message\",\"text\":\"whole\"}}");

        Assert.Equal([new ConversationStarted("t1"), new AssistantMessage("whole")], events);
        Assert.Equal(1, parser.MalformedLines);
    }

    [Fact]
    public void UnknownEventType_IsKeptWithItsRawLine()
    {
        const string line = "{\"type\":\"thread.renamed\",\"name\":\"x\"}";

        var events = Samples.ParseLines(new CodexStreamParser(), line);

        Assert.Equal([new UnknownEvent("thread.renamed", line)], events);
    }

    [Fact]
    public void UnknownItemType_IsKeptOnCompletionOnly()
    {
        const string completed = "{\"type\":\"item.completed\",\"item\":{\"id\":\"i\",\"type\":\"hologram\",\"status\":\"completed\"}}";

        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.started\",\"item\":{\"id\":\"i\",\"type\":\"hologram\",\"status\":\"in_progress\"}}",
            completed);

        Assert.Equal([new UnknownEvent("item.completed:hologram", completed)], events);
    }

    [Fact]
    public void PropertiesBeforeType_AreStillRead()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"item\":{\"text\":\"late type\",\"type\":\"agent_message\",\"id\":\"x\"},\"type\":\"item.completed\"}",
            "{\"usage\":{\"output_tokens\":7,\"input_tokens\":9},\"type\":\"turn.completed\"}",
            "{\"error\":{\"message\":\"nope\"},\"type\":\"turn.failed\"}");

        Assert.Equal(
            [
                new AssistantMessage("late type"),
                new UsageReported(new TokenUsage(InputTokens: 9, OutputTokens: 7), Cumulative: true),
                new TurnCompleted("late type"),
                new TurnFailed("nope"),
            ],
            events);
    }

    [Fact]
    public void TopLevelError_IsNotFatal()
    {
        var events = Samples.ParseLines(new CodexStreamParser(), "{\"type\":\"error\",\"message\":\"Reconnecting... 1/5\"}");

        Assert.Equal([new ErrorReported("Reconnecting... 1/5")], events);
    }

    [Fact]
    public void ItemUpdatedAndTurnStarted_YieldNothing()
    {
        var parser = new CodexStreamParser();

        var events = Samples.ParseLines(parser,
            "{\"type\":\"turn.started\"}",
            "{\"type\":\"item.updated\",\"item\":{\"id\":\"t\",\"type\":\"todo_list\",\"items\":[]}}",
            "{\"type\":\"item.plan.delta\",\"item_id\":\"p\",\"delta\":\"x\"}");

        Assert.Empty(events);
        Assert.Equal(0, parser.MalformedLines);
    }

    [Fact]
    public void CompletedCommandWithoutStart_GetsASyntheticStart()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"c\",\"type\":\"command_execution\",\"command\":\"ls\","
            + "\"aggregated_output\":\"a\\nb\\n\",\"exit_code\":2,\"status\":\"failed\"}}");

        Assert.Equal([new CommandStarted("c", "ls"), new CommandExecuted("c", "ls", "a\nb\n", 2)], events);
    }

    [Fact]
    public void DeclinedCommand_IsAPermissionDenialWithoutExitCode()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.started\",\"item\":{\"id\":\"c\",\"type\":\"command_execution\",\"command\":\"rm -rf x\",\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"in_progress\"}}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"c\",\"type\":\"command_execution\",\"command\":\"rm -rf x\",\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"declined\"}}");

        Assert.Equal(
            [
                new CommandStarted("c", "rm -rf x"),
                new PermissionDenied("shell", "command declined: rm -rf x"),
                new CommandExecuted("c", "rm -rf x", "", null),
            ],
            events);
    }

    [Fact]
    public void McpToolCall_YieldsCallThenResultNamedLikeClaude()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.started\",\"item\":{\"id\":\"m\",\"type\":\"mcp_tool_call\",\"server\":\"zwarm\",\"tool\":\"delegate\",\"arguments\":{\"task\":\"t\"},\"result\":null,\"error\":null,\"status\":\"in_progress\"}}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"m\",\"type\":\"mcp_tool_call\",\"server\":\"zwarm\",\"tool\":\"delegate\",\"arguments\":{\"task\":\"t\"},\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"session 42\"}],\"structured_content\":null},\"error\":null,\"status\":\"completed\"}}");

        Assert.Equal(
            [
                new ToolCall("m", "mcp__zwarm__delegate", "{\"task\":\"t\"}"),
                new ToolResult("m", "mcp__zwarm__delegate", "session 42", IsError: false),
            ],
            events);
    }

    [Fact]
    public void FailedMcpToolCall_IsAnErrorResult()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"m\",\"type\":\"mcp_tool_call\",\"server\":\"s\",\"tool\":\"t\",\"arguments\":null,\"result\":null,\"error\":{\"message\":\"needs approval\"},\"status\":\"failed\"}}");

        Assert.Equal(new ToolResult("m", "mcp__s__t", "needs approval", IsError: true), events[^1]);
    }

    [Fact]
    public void WebSearchTodoListAndErrorItems_AreMapped()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"w\",\"type\":\"web_search\",\"query\":\"dotnet 10\",\"action\":{\"type\":\"search\"}}}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"t\",\"type\":\"todo_list\",\"items\":[{\"text\":\"read\",\"completed\":true},{\"text\":\"write\",\"completed\":false}]}}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"e\",\"type\":\"error\",\"message\":\"model metadata not found\"}}");

        Assert.Equal(
            [
                new ToolCall("w", "web_search", "dotnet 10"),
                new ToolCall("t", "todo_list", "[x] read\n[ ] write"),
                new ErrorReported("model metadata not found"),
            ],
            events);
    }

    [Fact]
    public void EscapedAndUnicodeText_IsDecoded()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"a\",\"type\":\"agent_message\",\"text\":\"tab\\tquote\\\" \\u00e9 → ✓\"}}");

        Assert.Equal([new AssistantMessage("tab\tquote\" é → ✓")], events);
    }

    [Fact]
    public void TurnCompleted_CarriesOnlyThisTurnsLastMessage()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"turn.started\"}",
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"a\",\"type\":\"agent_message\",\"text\":\"first\"}}",
            "{\"type\":\"turn.completed\",\"usage\":{}}",
            "{\"type\":\"turn.started\"}",
            "{\"type\":\"turn.completed\",\"usage\":{}}");

        Assert.Equal([new TurnCompleted("first"), new TurnCompleted(null)], events.OfType<TurnCompleted>());
    }
}
