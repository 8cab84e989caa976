using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class ResponsesApiTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Streaming_text_reply_sends_items_then_completed_with_id_and_default_usage()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("Hello from the script, long enough to need several deltas.")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, contentType, events) = await ServerHttp.PostStreamAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", stream: true), _ct);

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", contentType);
        Assert.Equal("response.created", events[0].Type);
        Assert.Equal("response.completed", events[^1].Type);
        var deltas = events.Where(e => e.Type == "response.output_text.delta").Select(e => (string)e.Json["delta"]!).ToList();
        Assert.True(deltas.Count > 1);
        Assert.Equal("Hello from the script, long enough to need several deltas.", string.Concat(deltas));
        var done = Assert.Single(events, e => e.Type == "response.output_item.done").Json["item"]!;
        Assert.Equal("message", (string)done["type"]!);
        Assert.Equal("assistant", (string)done["role"]!);
        var completed = events[^1].Json["response"]!;
        Assert.Equal("resp_1", (string)completed["id"]!);
        Assert.Equal(101, (int)completed["usage"]!["input_tokens"]!);
        Assert.Equal(20, (int)completed["usage"]!["output_tokens"]!);
        var sequence = events.Select(e => (int)e.Json["sequence_number"]!).ToList();
        Assert.Equal(Enumerable.Range(0, events.Count), sequence);
    }

    [Fact]
    public async Task Non_streaming_request_gets_one_response_object()
    {
        var script = ModelScript.Always(Reply.Text("plain") with { Usage = new ReplyUsage(7, 3, CachedInputTokens: 2) });
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", stream: false), _ct);

        Assert.Equal(200, status);
        Assert.Equal("response", (string)body["object"]!);
        Assert.Equal("completed", (string)body["status"]!);
        Assert.Equal("gpt-test", (string)body["model"]!);
        Assert.Equal("plain", (string)body["output"]![0]!["content"]![0]!["text"]!);
        Assert.Equal(7, (int)body["usage"]!["input_tokens"]!);
        Assert.Equal(2, (int)body["usage"]!["input_tokens_details"]!["cached_tokens"]!);
        Assert.Equal(10, (int)body["usage"]!["total_tokens"]!);
    }

    [Fact]
    public async Task Shell_call_becomes_exec_command_function_call_with_cmd_argument()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Shell("echo hi > out.txt", preface: "Running it.")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/responses", ServerHttp.ResponsesBody("go", stream: true), _ct);

        var items = events.Where(e => e.Type == "response.output_item.done").Select(e => e.Json["item"]!).ToList();
        Assert.Equal(["message", "function_call"], items.Select(i => (string)i["type"]!));
        var call = items[1];
        Assert.Equal("exec_command", (string)call["name"]!);
        Assert.Equal("call_1_2", (string)call["call_id"]!);
        Assert.Equal("echo hi > out.txt", (string)JsonNode.Parse((string)call["arguments"]!)!["cmd"]!);
        Assert.Contains("> out.txt", (string)call["arguments"]!); // only the escaping JSON needs, like the real API
        Assert.Contains(events, e => e.Type == "response.function_call_arguments.done");
    }

    [Fact]
    public async Task Write_file_becomes_freeform_apply_patch_call()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.WriteFile("notes/a.txt", "one\ntwo\n")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("go", stream: false), _ct);

        var call = body["output"]![0]!;
        Assert.Equal("custom_tool_call", (string)call["type"]!);
        Assert.Equal("apply_patch", (string)call["name"]!);
        Assert.Equal("*** Begin Patch\n*** Add File: notes/a.txt\n+one\n+two\n*** End Patch\n", (string)call["input"]!);
    }

    [Fact]
    public async Task Reasoning_is_a_reasoning_item_with_summary_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ReasoningThenText("think first", "answer")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/responses", ServerHttp.ResponsesBody("q", stream: true), _ct);

        var reasoning = events.First(e => e.Type == "response.output_item.done").Json["item"]!;
        Assert.Equal("reasoning", (string)reasoning["type"]!);
        Assert.Equal("think first", (string)reasoning["summary"]![0]!["text"]!);
        Assert.Equal("think first", string.Concat(events.Where(e => e.Type == "response.reasoning_summary_text.delta").Select(e => (string)e.Json["delta"]!)));
    }

    [Fact]
    public async Task Generic_tool_call_keeps_name_arguments_and_explicit_call_id()
    {
        var script = ModelScript.Always(Reply.ToolCall("delegate", """{"task":"fix the bug","adapter":"codex"}""", callId: "call_delegate"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("go", stream: false), _ct);

        var call = body["output"]![0]!;
        Assert.Equal("delegate", (string)call["name"]!);
        Assert.Equal("call_delegate", (string)call["call_id"]!);
        Assert.Equal("fix the bug", (string)JsonNode.Parse((string)call["arguments"]!)!["task"]!);
    }

    [Fact]
    public async Task Mcp_tool_call_is_a_function_call_in_the_servers_namespace_as_codex_names_it()
    {
        var script = ModelScript.Always(Reply.McpToolCall("zwarm", "list_sessions", "{}", callId: "call_mcp"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("go", stream: false), _ct);

        var call = body["output"]![0]!;
        Assert.Equal("function_call", (string)call["type"]!);
        Assert.Equal("mcp__zwarm", (string)call["namespace"]!);
        Assert.Equal("list_sessions", (string)call["name"]!);
        Assert.Equal("call_mcp", (string)call["call_id"]!);
    }
}
