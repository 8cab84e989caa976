// The opencode parser on shapes the samples do not cover, taken from runs of 1.18.33 against a local server:
// auto-rejected and denied permissions, reasoning tokens, file tools, opencode's own cost, bad lines.
using Zwarm.Core.Agents.OpenCode;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.OpenCode;

public sealed class OpenCodeStreamParserTests
{
    private const string Head = """{"timestamp":1,"sessionID":"ses_1",""";

    private static string Tool(string tool, string state) =>
        Head + "\"type\":\"tool_use\",\"part\":{\"type\":\"tool\",\"tool\":\"" + tool + "\",\"callID\":\"call_1\",\"state\":" + state + "}}";

    private static string StepFinish(string reason, string tokens, string cost = "0") =>
        Head + "\"type\":\"step_finish\",\"part\":{\"type\":\"step-finish\",\"reason\":\"" + reason + "\",\"tokens\":" + tokens + ",\"cost\":" + cost + "}}";

    [Fact]
    public void AnAutoRejectedAsk_IsAPermissionDenialAndNoCompletion()
    {
        var events = Samples.ParseLines(new OpenCodeStreamParser(),
            Tool("bash", """{"status":"error","input":{"command":"echo hi > f.txt"},"error":"The user rejected permission to use this specific tool call."}"""),
            StepFinish("tool-calls", """{"input":600,"output":43,"reasoning":7,"cache":{"write":0,"read":400}}"""));

        var digest = TurnDigest.From(events);
        Assert.Equal(1, digest.PermissionDenials);
        Assert.Contains(events, e => e is PermissionDenied { ToolName: "bash" } d && d.Message.StartsWith("echo hi > f.txt: The user rejected", StringComparison.Ordinal));
        Assert.False(digest.Completed);
        Assert.StartsWith("permission denied: opencode auto-rejected the bash call (echo hi > f.txt)", digest.LastError);
        Assert.Equal(0, digest.Commands);
    }

    [Fact]
    public void ADeniedTool_IsADenialTheModelCanRecoverFrom()
    {
        var events = Samples.ParseLines(new OpenCodeStreamParser(),
            Tool("read", """{"status":"error","input":{"filePath":"/etc/passwd"},"error":"The user has specified a rule which prevents you from using this specific tool call."}"""));

        var denial = Assert.Single(events.OfType<PermissionDenied>());
        Assert.Equal("read", denial.ToolName);
        Assert.Empty(events.OfType<ErrorReported>());
    }

    [Fact]
    public void Usage_CountsCacheInInputAndReasoningInOutput_AndKeepsOpencodesCost()
    {
        var events = Samples.ParseLines(new OpenCodeStreamParser(),
            StepFinish("stop", """{"total":1050,"input":600,"output":43,"reasoning":7,"cache":{"write":5,"read":400}}""", "0.0125"));

        Assert.Equal(
            new UsageReported(new TokenUsage(1005, 400, 5, 50, 7), Cumulative: false, 0.0125m),
            events.OfType<UsageReported>().Single());
        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void StepCosts_AddUpToAPerTurnFigure()
    {
        var digest = TurnDigest.From(Samples.ParseLines(new OpenCodeStreamParser(),
            StepFinish("tool-calls", """{"input":10,"output":1}""", "0.25"),
            StepFinish("stop", """{"input":10,"output":1}""", "0.5")));

        Assert.Equal(0.75m, digest.ReportedCostUsd);
        Assert.True(digest.ReportedCostIsPerTurn);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void FileTools_AreFileChanges_AndOtherToolsCallsWithResults()
    {
        var events = Samples.ParseLines(new OpenCodeStreamParser(),
            Tool("write", """{"status":"completed","input":{"filePath":"/w/a.txt","content":"x"},"output":"Wrote file successfully.","metadata":{"exists":false}}"""),
            Tool("edit", """{"status":"completed","input":{"filePath":"/w/b.txt","oldString":"a","newString":"b"},"output":"Edit applied."}"""),
            Tool("apply_patch", """{"status":"completed","input":{"patchText":"*** Begin Patch\n*** Add File: c.txt\n+hi\n*** Delete File: d.txt\n*** End Patch"},"output":"Done"}"""),
            Tool("grep", """{"status":"completed","input":{"pattern":"TODO"},"output":"No files found"}"""));

        Assert.Equal(
            [
                new ConversationStarted("ses_1"),
                new FileChanged("call_1", [new FileChange("/w/a.txt", "add")], true),
                new FileChanged("call_1", [new FileChange("/w/b.txt", "update")], true),
                new FileChanged("call_1", [new FileChange("c.txt", "add"), new FileChange("d.txt", "delete")], true),
                new ToolCall("call_1", "grep", """{"pattern":"TODO"}"""),
                new ToolResult("call_1", "grep", "No files found", false),
            ],
            events,
            new EventComparer());
    }

    [Fact]
    public void AFailingCommand_KeepsItsExitCode_AndReasoningIsKept()
    {
        var events = Samples.ParseLines(new OpenCodeStreamParser(),
            Head + "\"type\":\"reasoning\",\"part\":{\"type\":\"reasoning\",\"text\":\"Let me check.\"}}",
            Tool("bash", """{"status":"completed","input":{"command":"false"},"output":"","metadata":{"output":"","exit":1}}"""));

        Assert.Equal(new Reasoning("Let me check."), events[1]);
        Assert.Equal(new CommandExecuted("call_1", "false", "", 1), events[2]);
    }

    [Fact]
    public void BadLines_AreCountedAndSkipped_AndUnknownTypesKept()
    {
        var parser = new OpenCodeStreamParser();

        var events = Samples.ParseLines(parser, "not json", "{\"no\":\"type\"}", "{\"type\":\"text\"}", Head + "\"type\":\"future\"}");

        Assert.Equal(3, parser.MalformedLines);
        Assert.Equal("future", Assert.IsType<UnknownEvent>(events[^1]).Type);
    }

    // FileChanged holds a list: records compare it by reference, so compare its items.
    private sealed class EventComparer : IEqualityComparer<AgentEvent>
    {
        public bool Equals(AgentEvent? x, AgentEvent? y) => (x, y) switch
        {
            (FileChanged a, FileChanged b) => a.Id == b.Id && a.Succeeded == b.Succeeded && a.Changes.SequenceEqual(b.Changes),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(AgentEvent obj) => 0;
    }
}
