using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Demo;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Tests.Demo;

public sealed class DemoScriptTests
{
    private static ModelRequest Request(ModelApi api, params ModelMessage[] messages) =>
        new(1, api, "POST", "/v1/responses", "m", true, true, "{}", messages, []) { CallNumber = 1 };

    private static ModelMessage User(string text) => ModelMessage.OfText("user", text);

    [Fact]
    public void Backticked_command_is_run_through_the_shell_tool()
    {
        var reply = DemoScript.Reply(Request(ModelApi.OpenAIResponses, User("Please run `ls -la` for me")));

        var content = Assert.IsType<ContentReply>(reply);
        Assert.Equal("ls -la", Assert.Single(content.Parts.OfType<ShellCallPart>()).Command);
        Assert.Contains(content.Parts, p => p is ReasoningPart);
    }

    [Fact]
    public void Codex_tool_output_is_summarized_without_its_wrapper()
    {
        var request = Request(ModelApi.OpenAIResponses,
            User("run `echo hi`"),
            new ModelMessage("assistant", "", [new ModelToolCall("call_1", "exec_command", """{"cmd":"echo hi"}""")], []),
            new ModelMessage("tool", "", [], [new ModelToolResult("call_1",
                "Chunk ID: ab12\nWall time: 0.01 seconds\nProcess exited with code 0\nOriginal token count: 1\nOutput:\nhi\n", false)]));

        var text = Assert.IsType<TextPart>(Assert.Single(Assert.IsType<ContentReply>(DemoScript.Reply(request)).Parts)).Text;

        Assert.Equal("I ran `echo hi`. It printed:\n\n```\nhi\n```\n\nExit code 0 (success).", text);
    }

    [Fact]
    public void Claude_tool_error_is_reported_as_such()
    {
        var request = Request(ModelApi.AnthropicMessages,
            User("run `touch x`"),
            new ModelMessage("assistant", "", [new ModelToolCall("toolu_1", "Bash", """{"command":"touch x"}""")], []),
            new ModelMessage("user", "", [], [new ModelToolResult("toolu_1", "needs approval", true)]));

        var text = ((TextPart)((ContentReply)DemoScript.Reply(request)).Parts[0]).Text;

        Assert.Equal("I ran `touch x`, but it could not run: needs approval.", text);
    }

    [Fact]
    public void Follow_up_refers_to_the_earlier_turn()
    {
        var request = Request(ModelApi.AnthropicMessages,
            User("<system-reminder>x</system-reminder>\nfirst question"),
            ModelMessage.OfText("assistant", "first reply"),
            User("thanks"));

        var text = ((TextPart)((ContentReply)DemoScript.Reply(request)).Parts[0]).Text;

        Assert.Contains("Got it: \"thanks\"", text);
        Assert.Contains("turn 2", text);
        Assert.Contains("earlier you asked: \"first question\"", text);
        Assert.Contains("I answered: \"first reply\"", text);
    }

    [Fact]
    public void Anything_else_gets_a_friendly_answer_quoting_the_task()
    {
        var text = ((TextPart)((ContentReply)DemoScript.Reply(Request(ModelApi.OpenAIResponses, User("hello there")))).Parts[0]).Text;

        Assert.StartsWith("Hello from zwarm's scripted demo model!", text);
        Assert.Contains("\"hello there\"", text);
    }

    [Fact]
    public void Long_output_is_cut_to_its_first_lines()
    {
        var output = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}"));
        var request = Request(ModelApi.AnthropicMessages,
            User("run `seq 50`"),
            new ModelMessage("assistant", "", [new ModelToolCall("t", "Bash", new JsonObject { ["command"] = "seq 50" }.ToJsonString())], []),
            new ModelMessage("user", "", [], [new ModelToolResult("t", output, false)]));

        var text = ((TextPart)((ContentReply)DemoScript.Reply(request)).Parts[0]).Text;

        Assert.Contains("line 20\n… (30 more lines)", text);
        Assert.DoesNotContain("line 21", text);
    }
}
