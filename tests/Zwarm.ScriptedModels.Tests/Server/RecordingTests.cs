using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class RecordingTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Responses_history_with_a_tool_round_trip_is_normalized()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = ServerHttp.Client(server, apiKey: "secret-key-123");
        var body = ServerHttp.ResponsesBody("run it", stream: true, extraInput: new JsonArray(
            new JsonObject { ["type"] = "reasoning", ["summary"] = new JsonArray(), ["encrypted_content"] = "xyz" },
            new JsonObject { ["type"] = "function_call", ["call_id"] = "call_7", ["name"] = "exec_command", ["arguments"] = """{"cmd":"ls"}""" },
            new JsonObject { ["type"] = "function_call_output", ["call_id"] = "call_7", ["output"] = "a.txt\nb.txt" }));
        body["instructions"] = "You are a test.";
        body["tools"] = new JsonArray(
            new JsonObject { ["type"] = "function", ["name"] = "exec_command" },
            new JsonObject { ["type"] = "custom", ["name"] = "apply_patch" },
            new JsonObject { ["type"] = "web_search" });

        using var _ = await ServerHttp.PostAsync(client, "/v1/responses", body, _ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(ModelApi.OpenAIResponses, request.Api);
        Assert.Equal("/v1/responses", request.Path);
        Assert.Equal("gpt-test", request.Model);
        Assert.True(request.Stream);
        Assert.True(request.HasAuthorization);
        Assert.Equal(["system", "user", "assistant", "tool"], request.Messages.Select(m => m.Role));
        Assert.Equal("run it", request.LastUserText);
        var result = Assert.Single(request.PendingToolResults);
        Assert.Equal("a.txt\nb.txt", result.Output);
        Assert.Equal("exec_command", request.FindToolCall("call_7")!.Name);
        Assert.Equal(["exec_command", "apply_patch", "web_search"], request.ToolNames);
        Assert.Equal("fallback", request.MatchedRule);
        Assert.Contains("\"encrypted_content\":\"xyz\"", request.Body);
        Assert.DoesNotContain("secret-key-123", request.ToString());
    }

    [Fact]
    public async Task Anthropic_history_strips_reminders_and_keeps_tool_results_in_user_messages()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = ServerHttp.Client(server, apiKey: null);
        var body = JsonNode.Parse("""
            {"model":"claude-x","stream":true,"system":[{"type":"text","text":"sys"}],
             "messages":[
               {"role":"user","content":[{"type":"text","text":"<system-reminder>\nnoise `rm -rf`\n</system-reminder>\n"},{"type":"text","text":"first task"}]},
               {"role":"assistant","content":[{"type":"text","text":"Running."},{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"ls"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"out"}],"is_error":true},{"type":"text","text":"<system-reminder>x</system-reminder>"}]},
               {"role":"system","content":[{"type":"text","text":"Primary working directory: /home/dev/proj\nmore"}]}
             ]}
            """)!;

        using var _ = await ServerHttp.PostAsync(client, "/v1/messages?beta=true", body, _ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages?beta=true", request.Path);
        Assert.False(request.HasAuthorization);
        Assert.Equal("first task", request.LastUserText);
        var result = Assert.Single(request.PendingToolResults);
        Assert.True(result.IsError);
        Assert.Equal("out", result.Output);
        Assert.Equal("""{"command":"ls"}""", request.FindToolCall("toolu_1")!.Arguments);
        Assert.Equal("Running.", Assert.Single(request.Messages, m => m.Role == "assistant").Text);
        Assert.Equal("/home/dev/proj", request.WorkingDirectory);
    }

    [Fact]
    public async Task Follow_up_request_exposes_earlier_prompts_and_answers()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = ServerHttp.Client(server);
        var body = ServerHttp.ChatBody("first", stream: false);
        body["messages"]!.AsArray().Add(new JsonObject { ["role"] = "assistant", ["content"] = "answer one" });
        body["messages"]!.AsArray().Add(new JsonObject { ["role"] = "user", ["content"] = "second" });

        await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", body, _ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("second", request.LastUserText);
        Assert.Equal(["first"], request.EarlierPrompts);
        Assert.Equal(["answer one"], request.EarlierAssistantTexts);
        Assert.Empty(request.PendingToolResults);
        Assert.True(Match.FollowUp(request));
    }

    [Fact]
    public async Task Chat_tool_messages_become_tool_results()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = ServerHttp.Client(server);
        var body = ServerHttp.ChatBody("check", stream: false);
        body["messages"]!.AsArray().Add(JsonNode.Parse("""{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"peek","arguments":"{\"id\":\"s1\"}"}}]}"""));
        body["messages"]!.AsArray().Add(JsonNode.Parse("""{"role":"tool","tool_call_id":"c1","content":"session s1 is running"}"""));

        await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", body, _ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("peek", request.FindToolCall("c1")!.Name);
        Assert.Equal("session s1 is running", Assert.Single(request.PendingToolResults).Output);
    }

    [Fact]
    public async Task Probes_and_model_listing_are_answered_and_recorded()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Empty, _ct);
        using var client = ServerHttp.Client(server);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"), _ct);
        var models = JsonNode.Parse(await client.GetStringAsync("/v1/models", _ct))!;
        using var unknown = await ServerHttp.PostAsync(client, "/v1/unknown", new JsonObject(), _ct);

        Assert.Equal(200, (int)head.StatusCode);
        Assert.Contains(models["data"]!.AsArray(), m => (string)m!["id"]! == "gpt-5.5");
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(["HEAD /", "GET /v1/models", "POST /v1/unknown"], server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(server.Requests, r => Assert.Equal(ModelApi.Other, r.Api));
        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.Number));
    }

    [Fact]
    public async Task Wait_for_request_returns_when_a_matching_request_arrives()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = ServerHttp.Client(server);

        var waiting = server.WaitForRequestAsync(r => r.LastUserText == "second", _ct);
        await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("first", false), _ct);
        Assert.False(waiting.IsCompleted);
        await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("second", false), _ct);

        var request = await waiting;
        Assert.Equal(2, request.CallNumber);
    }
}
