// The scripted server must be good enough for the real SDKs, because it will play zwarm's orchestrator LLM.
using Microsoft.Extensions.AI;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Sdk;

public sealed class SdkCompatibilityTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Theory]
    [MemberData(nameof(SdkClients.All), MemberType = typeof(SdkClients))]
    public async Task Non_streaming_reply_reaches_the_sdk_with_usage(string kind)
    {
        var script = ModelScript.Always(Reply.Text("Hello SDK") with { Usage = new ReplyUsage(11, 5) });
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = SdkClients.Create(kind, server);

        var response = await client.GetResponseAsync("hi", cancellationToken: _ct);

        Assert.Equal("Hello SDK", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.False(Assert.Single(server.ModelCalls).Stream);
    }

    [Theory]
    [MemberData(nameof(SdkClients.All), MemberType = typeof(SdkClients))]
    public async Task Streaming_reply_reaches_the_sdk(string kind)
    {
        var text = "A streamed answer that is split into several deltas by the server.";
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text(text)), _ct);
        using var client = SdkClients.Create(kind, server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("hi", cancellationToken: _ct)) updates.Add(update);

        Assert.Equal(text, updates.ToChatResponse().Text);
        Assert.True(Assert.Single(server.ModelCalls).Stream);
    }

    [Theory]
    [MemberData(nameof(SdkClients.All), MemberType = typeof(SdkClients))]
    public async Task Function_invocation_loop_calls_the_tool_and_sends_its_result_back(string kind)
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, r => Reply.Text("Session says: " + r.PendingToolResults[0].Output))
            .On(Match.AdvertisesTool("check_session"), Reply.ToolCall("check_session", """{"id":"s-42"}"""));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        string? seenId = null;
        var tool = AIFunctionFactory.Create((string id) => { seenId = id; return $"{id} is running"; }, "check_session");
        using var client = new ChatClientBuilder(SdkClients.Create(kind, server)).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("status?", new ChatOptions { Tools = [tool] }, _ct);

        Assert.Equal("s-42", seenId);
        // The SDK sends the tool's return value JSON-serialized (a quoted string).
        Assert.Contains("s-42 is running", response.Text);
        Assert.StartsWith("Session says: ", response.Text);
        Assert.Equal(2, server.ModelCalls.Count);
        Assert.Equal("status?", server.ModelCalls[1].LastUserText);
    }

    [Theory]
    [MemberData(nameof(SdkClients.All), MemberType = typeof(SdkClients))]
    public async Task Streaming_tool_call_is_assembled_by_the_sdk(string kind)
    {
        var script = ModelScript.Always(Reply.ToolCall("delegate", """{"task":"write tests","adapter":"claude_code"}""", preface: "Delegating."));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = SdkClients.Create(kind, server);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string task, string adapter) => "", "delegate")] };

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("go", options, _ct)) updates.Add(update);

        var call = Assert.Single(updates.ToChatResponse().Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("delegate", call.Name);
        Assert.Equal("write tests", call.Arguments!["task"]?.ToString());
        Assert.Equal("claude_code", call.Arguments!["adapter"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(SdkClients.All), MemberType = typeof(SdkClients))]
    public async Task Http_error_surfaces_as_an_exception(string kind)
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized()), _ct);
        using var client = SdkClients.Create(kind, server);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi", cancellationToken: _ct));

        Assert.Matches("401|Unauthorized", error.ToString());
    }
}
