using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class ScriptTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    private static async Task<string> AskAsync(HttpClient client, string text, CancellationToken ct)
    {
        var (_, body) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody(text, stream: false), ct);
        return (string?)body["choices"]?[0]?["message"]?["content"] ?? (string)body["error"]!["message"]!;
    }

    [Fact]
    public async Task Rules_are_tried_in_order_and_the_fallback_catches_the_rest()
    {
        var script = ModelScript.Empty
            .On(Match.UserTextContains("alpha"), Reply.Text("A"), name: "alpha")
            .On(Match.UserTextContains("al"), Reply.Text("AL"))
            .Otherwise(Reply.Text("other"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        Assert.Equal("A", await AskAsync(client, "ALPHA please", _ct));
        Assert.Equal("AL", await AskAsync(client, "also", _ct));
        Assert.Equal("other", await AskAsync(client, "zzz", _ct));
        Assert.Equal(["alpha", "rule 2", "fallback"], server.Requests.Select(r => r.MatchedRule));
    }

    [Fact]
    public async Task Once_rule_answers_a_single_time()
    {
        var script = ModelScript.Empty.Once(Match.Any, Reply.Text("first")).Otherwise(Reply.Text("later"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        Assert.Equal("first", await AskAsync(client, "x", _ct));
        Assert.Equal("later", await AskAsync(client, "x", _ct));
        Assert.Equal("later", await AskAsync(client, "x", _ct));
    }

    [Fact]
    public async Task Sequence_answers_by_call_number_and_repeats_the_last()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Sequence(Reply.Text("one"), Reply.Text("two")), _ct);
        using var client = ServerHttp.Client(server);

        Assert.Equal("one", await AskAsync(client, "x", _ct));
        Assert.Equal("two", await AskAsync(client, "x", _ct));
        Assert.Equal("two", await AskAsync(client, "x", _ct));
    }

    [Fact]
    public async Task Function_script_sees_the_parsed_request()
    {
        var script = ModelScript.FromFunction(r => Reply.Text($"{r.Api}:{r.CallNumber}:{r.LastUserText.ToUpperInvariant()}"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        Assert.Equal("OpenAIChatCompletions:1:HELLO", await AskAsync(client, "hello", _ct));
    }

    [Fact]
    public async Task Multi_step_exchange_answers_the_tool_result_with_text()
    {
        var script = ModelScript.Empty
            .On(Match.ToolResultFor("call_1_1"), r => Reply.Text("saw: " + r.PendingToolResults[0].Output))
            .On(Match.Api(ModelApi.OpenAIChatCompletions), Reply.ToolCall("bash", """{"command":"date"}"""));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var (_, first) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("go", false), _ct);
        var call = first["choices"]![0]!["message"]!["tool_calls"]![0]!;
        var second = ServerHttp.ChatBody("go", false);
        second["messages"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            $$"""{"role":"assistant","content":null,"tool_calls":[{{call.ToJsonString()}}]}"""));
        second["messages"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{"role":"tool","tool_call_id":"call_1_1","content":"Mon Nov 23"}"""));
        var (_, reply) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", second, _ct);

        Assert.Equal("saw: Mon Nov 23", (string)reply["choices"]![0]!["message"]!["content"]!);
    }

    [Fact]
    public async Task Concurrent_requests_on_all_apis_each_get_their_own_reply()
    {
        var script = ModelScript.FromFunction(r => Reply.Text("echo " + r.LastUserText) with { Delay = TimeSpan.FromMilliseconds(150) });
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);

        var tasks = Enumerable.Range(0, 24).Select(async i =>
        {
            var text = $"msg-{i}";
            switch (i % 3)
            {
                case 0:
                    var (_, r) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody(text, false), _ct);
                    return ((string)r["output"]![0]!["content"]![0]!["text"]!, text);
                case 1:
                    var (_, c) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody(text, false), _ct);
                    return ((string)c["choices"]![0]!["message"]!["content"]!, text);
                default:
                    var (_, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/messages", ServerHttp.AnthropicBody(text, true), _ct);
                    return (string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => (string)e.Json["delta"]!["text"]!)), text);
            }
        }).ToList();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal("echo " + r.Item2, r.Item1));
        Assert.Equal(24, server.ModelCalls.Count);
        Assert.Equal(Enumerable.Range(1, 24), server.ModelCalls.Select(r => r.CallNumber).Order());
    }
}
