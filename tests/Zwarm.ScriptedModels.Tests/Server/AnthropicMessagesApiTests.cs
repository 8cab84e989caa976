using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class AnthropicMessagesApiTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Streaming_uses_event_lines_in_the_documented_order()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ReasoningThenText("hmm", "Hi there")), _ct);
        using var client = ServerHttp.Client(server, apiKey: null);

        var (status, contentType, events) = await ServerHttp.PostStreamAsync(client, "/v1/messages?beta=true", ServerHttp.AnthropicBody("hi", stream: true), _ct);

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", contentType);
        Assert.All(events, e => Assert.Equal(e.Name, e.Type));
        Assert.Equal(
            ["message_start", "ping",
             "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
             "content_block_start", "content_block_delta", "content_block_stop",
             "message_delta", "message_stop"],
            events.Select(e => e.Name));
        Assert.Equal("msg_1", (string)events[0].Json["message"]!["id"]!);
        Assert.Equal(101, (int)events[0].Json["message"]!["usage"]!["input_tokens"]!);
        Assert.Equal("thinking", (string)events[2].Json["content_block"]!["type"]!);
        Assert.Equal("hmm", (string)events[3].Json["delta"]!["thinking"]!);
        Assert.Equal("signature_delta", (string)events[4].Json["delta"]!["type"]!);
        Assert.Equal("Hi there", (string)events[7].Json["delta"]!["text"]!);
        Assert.Equal("end_turn", (string)events[9].Json["delta"]!["stop_reason"]!);
        Assert.Equal(20, (int)events[9].Json["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Streaming_shell_call_is_a_Bash_tool_use_with_partial_json()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Shell("ls -la")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", stream: true), _ct);

        var start = events.Single(e => e.Name == "content_block_start").Json["content_block"]!;
        Assert.Equal("tool_use", (string)start["type"]!);
        Assert.Equal("Bash", (string)start["name"]!);
        Assert.Equal("toolu_1_1", (string)start["id"]!);
        var json = string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => (string)e.Json["delta"]!["partial_json"]!));
        Assert.Equal("ls -la", (string)JsonNode.Parse(json)!["command"]!);
        Assert.Equal("tool_use", (string)events.Single(e => e.Name == "message_delta").Json["delta"]!["stop_reason"]!);
    }

    [Fact]
    public async Task Non_streaming_reply_is_one_message_with_all_blocks()
    {
        var script = ModelScript.Always(Reply.Parts(new ReasoningPart("plan"), new TextPart("Writing."), new WriteFilePart("/tmp/x/a.txt", "data")));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", stream: false), _ct);

        Assert.Equal(200, status);
        Assert.Equal("message", (string)body["type"]!);
        Assert.Equal(["thinking", "text", "tool_use"], body["content"]!.AsArray().Select(b => (string)b!["type"]!));
        var write = body["content"]![2]!;
        Assert.Equal("Write", (string)write["name"]!);
        Assert.Equal("/tmp/x/a.txt", (string)write["input"]!["file_path"]!);
        Assert.Equal("data", (string)write["input"]!["content"]!);
        Assert.Equal("tool_use", (string)body["stop_reason"]!);
    }

    [Fact]
    public async Task Relative_write_path_is_resolved_against_the_announced_working_directory()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.WriteFile("a.txt", "data")), _ct);
        using var client = ServerHttp.Client(server);
        var request = ServerHttp.AnthropicBody("hi", stream: false);
        request["messages"]!.AsArray().Add(new JsonObject
        {
            ["role"] = "system", ["content"] = "# Environment\n - Primary working directory: /home/dev/proj\n - Platform: linux",
        });

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages", request, _ct);

        Assert.Equal("/home/dev/proj/a.txt", (string)body["content"]![0]!["input"]!["file_path"]!);
    }

    [Fact]
    public async Task Count_tokens_is_answered_and_recorded_but_not_scripted()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Empty, _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages/count_tokens?beta=true", ServerHttp.AnthropicBody("count me", stream: false), _ct);

        Assert.Equal(200, status);
        Assert.True((int)body["input_tokens"]! > 0);
        var recorded = Assert.Single(server.Requests);
        Assert.Equal(ModelApi.AnthropicCountTokens, recorded.Api);
        Assert.Equal(0, recorded.CallNumber);
        Assert.Empty(server.ModelCalls);
    }

    [Fact]
    public async Task Mcp_tool_call_is_a_tool_use_named_as_claude_code_names_mcp_tools()
    {
        var script = ModelScript.Always(Reply.McpToolCall("zwarm", "delegate", """{"task":"t"}"""));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", stream: false), _ct);

        var use = Assert.Single(body["content"]!.AsArray())!;
        Assert.Equal("tool_use", (string)use["type"]!);
        Assert.Equal("mcp__zwarm__delegate", (string)use["name"]!);
        Assert.Equal("t", (string)use["input"]!["task"]!);
        Assert.Null(use["namespace"]);
    }
}
