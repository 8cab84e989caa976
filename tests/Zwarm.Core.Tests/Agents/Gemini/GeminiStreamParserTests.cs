// The Gemini parser on hand-written lines: file tools, policy denials, error lines, "auto" routing and bad input.
using Zwarm.Core.Agents.Gemini;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Gemini;

public sealed class GeminiStreamParserTests
{
    private const string Init = """{"type":"init","session_id":"s-1","model":"gemini-2.5-pro"}""";

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"cut")]
    [InlineData("{\"no_type\":true}")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"init\"}")]
    [InlineData("{\"type\":\"tool_use\",\"tool_name\":\"x\"}")]
    [InlineData("{\"type\":\"message\",\"role\":\"assistant\"}")]
    public void MalformedLine_IsCountedAndYieldsNothing(string line)
    {
        var parser = new GeminiStreamParser();

        var events = Samples.ParseLines(parser, line);

        Assert.Empty(events);
        Assert.Equal(1, parser.MalformedLines);
    }

    [Fact]
    public void WriteFileAndReplace_AreFileChanges_AndOtherToolsToolCalls()
    {
        var events = Samples.ParseLines(new GeminiStreamParser(), Init,
            """{"type":"tool_use","tool_name":"write_file","tool_id":"w1","parameters":{"file_path":"/p/a.txt","content":"x"}}""",
            """{"type":"tool_result","tool_id":"w1","status":"success"}""",
            """{"type":"tool_use","tool_name":"replace","tool_id":"r1","parameters":{"file_path":"/p/b.txt"}}""",
            """{"type":"tool_result","tool_id":"r1","status":"error","error":{"type":"edit_no_occurrence_found","message":"not found"}}""",
            """{"type":"tool_use","tool_name":"read_file","tool_id":"f1","parameters":{"file_path":"/p/c.txt"}}""",
            """{"type":"tool_result","tool_id":"f1","status":"success","output":"c"}""");

        var changed = Assert.Single(events.OfType<FileChanged>());
        Assert.Equal(("w1", true), (changed.Id, changed.Succeeded));
        Assert.Equal(new FileChange("/p/a.txt", "update"), Assert.Single(changed.Changes));
        Assert.Equal(new ToolResult("r1", "replace", "not found", IsError: true), events.OfType<ToolResult>().First());
        Assert.Equal(new ToolCall("f1", "read_file", """{"file_path":"/p/c.txt"}"""), events.OfType<ToolCall>().Last());
        Assert.Equal(new ToolResult("f1", "read_file", "c", IsError: false), events.OfType<ToolResult>().Last());
    }

    [Fact]
    public void PolicyRefusal_IsRecordedAsAPermissionDenial()
    {
        var events = Samples.ParseLines(new GeminiStreamParser(), Init,
            """{"type":"tool_use","tool_name":"run_shell_command","tool_id":"c1","parameters":{"command":"rm -rf /"}}""",
            """{"type":"tool_result","tool_id":"c1","status":"error","error":{"type":"policy_violation","message":"denied by policy"}}""");

        Assert.Equal(new PermissionDenied("run_shell_command", "denied by policy"), events.OfType<PermissionDenied>().Single());
        Assert.Equal(new CommandExecuted("c1", "rm -rf /", "denied by policy", null), events.OfType<CommandExecuted>().Single());
    }

    [Fact]
    public void DeltaChunks_AreJoinedUntilTheNextKindOfLine_AndAWholeMessageStandsAlone()
    {
        var events = Samples.ParseLines(new GeminiStreamParser(), Init,
            """{"type":"message","role":"user","content":"hi"}""",
            """{"type":"message","role":"assistant","content":"Hel","delta":true}""",
            """{"type":"message","role":"assistant","content":"lo","delta":true}""",
            """{"type":"error","severity":"warning","message":"Loop detected"}""",
            """{"type":"message","role":"assistant","content":"Bye."}""",
            """{"type":"error","severity":"error","message":"stream ended without a finish reason"}""",
            """{"type":"result","status":"error","error":{"type":"FatalTurnLimitedError","message":"Reached max turns"},"stats":{"input_tokens":5,"output_tokens":1}}""");

        Assert.Equal([new AssistantMessage("Hello"), new AssistantMessage("Bye.")], events.OfType<AssistantMessage>());
        Assert.Equal(
            [new ErrorReported("Loop detected", IsWarning: true), new ErrorReported("stream ended without a finish reason")],
            events.OfType<ErrorReported>());
        Assert.Equal(new TurnFailed("Reached max turns"), events[^1]);
    }

    [Fact]
    public void AutoModel_IsResolvedFromTheModelThatDidMostOfTheWork()
    {
        var events = Samples.ParseLines(new GeminiStreamParser(),
            """{"type":"init","session_id":"s-2","model":"auto"}""",
            """{"type":"result","status":"success","stats":{"input_tokens":110,"output_tokens":25,"models":{"gemini-3.5-flash-lite":{"total_tokens":10},"gemini-3.1-pro-preview":{"total_tokens":120}}}}""");

        Assert.Equal(new ConversationStarted("s-2"), events[0]);
        Assert.Contains(new ConversationStarted("s-2", "gemini-3.1-pro-preview"), events);
        var digest = new TurnDigestBuilder();
        digest.AddRange(events);
        Assert.Equal("gemini-3.1-pro-preview", digest.Build().Model);
    }

    [Theory]
    [InlineData("Output: x\nExit Code: 3\nProcess Group PGID: 9", 3)]
    [InlineData("Exit Code: -1", -1)]
    [InlineData("out\nerr", null)]
    [InlineData("the Exit Code: 2 was mentioned", null)]
    public void ExitCodeIn_ReadsOnlyAnExitCodeLine(string output, int? expected)
    {
        Assert.Equal(expected, GeminiStreamParser.ExitCodeIn(output));
    }
}
