using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class ChatCompletionsApiTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Non_streaming_text_reply_is_a_chat_completion()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("hello chat")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("hi", stream: false), _ct);

        Assert.Equal(200, status);
        Assert.Equal("chat.completion", (string)body["object"]!);
        var choice = body["choices"]![0]!;
        Assert.Equal("hello chat", (string)choice["message"]!["content"]!);
        Assert.Equal("stop", (string)choice["finish_reason"]!);
        Assert.Equal(101, (int)body["usage"]!["prompt_tokens"]!);
        Assert.Equal(121, (int)body["usage"]!["total_tokens"]!);
    }

    [Fact]
    public async Task Non_streaming_tool_call_has_tool_calls_and_finish_reason()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ToolCall("check_session", """{"id":"abc"}""")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("hi", stream: false), _ct);

        var choice = body["choices"]![0]!;
        Assert.Equal("tool_calls", (string)choice["finish_reason"]!);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal("call_1_1", (string)call["id"]!);
        Assert.Equal("check_session", (string)call["function"]!["name"]!);
        Assert.Equal("abc", (string)JsonNode.Parse((string)call["function"]!["arguments"]!)!["id"]!);
    }

    [Fact]
    public async Task Streaming_sends_chunks_tool_call_deltas_usage_and_done()
    {
        var script = ModelScript.Always(Reply.Parts(new TextPart("Let me check."), new ToolCallPart("list_sessions", """{"status":"running"}""")));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);
        var request = ServerHttp.ChatBody("hi", stream: true);
        request["stream_options"] = new JsonObject { ["include_usage"] = true };

        var (status, contentType, events) = await ServerHttp.PostStreamAsync(client, "/v1/chat/completions", request, _ct);

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", contentType);
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => e.Json).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string)c["object"]!));
        var content = string.Concat(chunks.Select(c => (string?)c["choices"]?.AsArray().FirstOrDefault()?["delta"]?["content"]));
        Assert.Equal("Let me check.", content);
        var callDeltas = chunks.Select(c => c["choices"]?.AsArray().FirstOrDefault()?["delta"]?["tool_calls"]?[0]).OfType<JsonNode>().ToList();
        Assert.Equal("list_sessions", (string)callDeltas[0]["function"]!["name"]!);
        Assert.Equal("""{"status":"running"}""", string.Concat(callDeltas.Select(d => (string?)d["function"]!["arguments"])));
        Assert.Equal("tool_calls", (string)chunks[^2]["choices"]![0]!["finish_reason"]!);
        Assert.Empty(chunks[^1]["choices"]!.AsArray());
        Assert.Equal(20, (int)chunks[^1]["usage"]!["completion_tokens"]!);
    }
}
