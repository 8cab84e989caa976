// A CLI's own background calls (Qwen Code's memory subagents) get a plain answer and leave the script alone.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class SideRequestTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Theory]
    [InlineData("You are now acting as the managed memory extraction subagent for an AI coding assistant.")]
    [InlineData("You are performing a managed memory dream \u2014 a reflective pass over durable memory files.")]
    public async Task Qwen_memory_requests_do_not_take_the_next_scripted_reply(string systemPrompt)
    {
        var script = ModelScript.Sequence(Reply.Text("first turn reply"), Reply.Text("second turn reply"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);
        var side = ServerHttp.ChatBody("remember this", stream: false);
        side["messages"]!.AsArray().Insert(0, new JsonObject { ["role"] = "system", ["content"] = systemPrompt });

        var (_, first) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("hi", stream: false), _ct);
        var (sideStatus, sideBody) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", side, _ct);
        var (_, second) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("again", stream: false), _ct);

        Assert.Equal("first turn reply", (string)first["choices"]![0]!["message"]!["content"]!);
        Assert.Equal(200, sideStatus);
        Assert.Equal(0, (int)sideBody["usage"]!["prompt_tokens"]!);
        Assert.Equal("second turn reply", (string)second["choices"]![0]!["message"]!["content"]!);
        Assert.Equal([1, 2], server.ModelCalls.Select(c => c.CallNumber));
        var recorded = Assert.Single(server.Requests, r => r.CallNumber == 0);
        Assert.Equal("side request: qwen managed memory", recorded.MatchedRule);
    }
}
