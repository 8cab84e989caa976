// The Qwen parser on hand-written lines: what the captured samples do not show.
using Zwarm.Core.Agents.Qwen;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Qwen;

public sealed class QwenStreamParserTests
{
    private static string ToolUse(string id, string name, string input) =>
        "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name
        + "\",\"input\":" + input + "}],\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}";

    private static string ToolResult(string id, string content, bool isError) =>
        "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"" + id
        + "\",\"is_error\":" + (isError ? "true" : "false") + ",\"content\":\"" + System.Text.Json.JsonEncodedText.Encode(content) + "\"}]}}";

    [Fact]
    public void FailedCommand_ReportsItsOutputAndExitCode()
    {
        const string report = "Command: make\nDirectory: (root)\nOutput: step-one\nerr\nError: (none)\nExit Code: 3\nSignal: (none)\nProcess Group PGID: (none)";

        var events = Samples.ParseLines(new QwenStreamParser(),
            ToolUse("c1", "run_shell_command", """{"command":"make"}"""), ToolResult("c1", report, isError: true));

        Assert.Equal([new CommandStarted("c1", "make"), new CommandExecuted("c1", "make", "step-one\nerr", 3)], events);
    }

    [Fact]
    public void SuccessfulCommandWithOutput_IsReportedAsTheBareOutput()
    {
        var events = Samples.ParseLines(new QwenStreamParser(),
            ToolUse("c1", "run_shell_command", """{"command":"cat greeting.txt"}"""), ToolResult("c1", "hello-from-e2e", isError: false));

        Assert.Equal(new CommandExecuted("c1", "cat greeting.txt", "hello-from-e2e", 0), events[^1]);
    }

    [Fact]
    public void WriteFile_IsAFileChange_AndAFailedEditAToolResult()
    {
        var events = Samples.ParseLines(new QwenStreamParser(),
            ToolUse("w1", "write_file", """{"file_path":"/p/a.txt","content":"x"}"""),
            ToolResult("w1", "Successfully created and wrote to new file: /p/a.txt.", isError: false),
            ToolUse("e1", "edit", """{"file_path":"/p/b.txt","old_string":"a","new_string":"b"}"""),
            ToolResult("e1", "Failed to edit, could not find the string to replace.", isError: true));

        var written = Assert.IsType<FileChanged>(events[1]);
        Assert.Equal([new FileChange("/p/a.txt", "add")], written.Changes);
        Assert.True(written.Succeeded);
        Assert.Equal(new ToolResult("e1", "edit", "Failed to edit, could not find the string to replace.", true), events[3]);
    }

    [Fact]
    public void ErrorDuringExecution_WithoutAMessage_FailsWithTheSubtype()
    {
        var events = Samples.ParseLines(new QwenStreamParser(),
            """{"type":"result","subtype":"error_during_execution","is_error":true,"usage":{"input_tokens":5}}""");

        Assert.Equal([new TurnFailed("error_during_execution")], events);
    }

    [Fact]
    public void BadLines_AreCountedAndSkipped()
    {
        var parser = new QwenStreamParser();

        var events = Samples.ParseLines(parser, "not json", "{\"no\":\"type\"}", "{\"type\":\"assistant\"}", "{");

        Assert.Empty(events);
        Assert.Equal(4, parser.MalformedLines);
    }
}
