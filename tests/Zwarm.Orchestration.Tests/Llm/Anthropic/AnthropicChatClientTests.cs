// zwarm's own Anthropic Messages client against the scripted server's Messages endpoint: plain and streamed text,
// a tool round trip, extended thinking with signatures, usage, and what goes over the wire.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class AnthropicChatClientTests
{
    private readonly CancellationToken _ct = TestTimeout.After(60);

    private static readonly AIFunctionDeclaration Lookup = AIFunctionFactory.CreateDeclaration("lookup", "Looks a word up",
        JsonDocument.Parse("""{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}""").RootElement);

    [Fact]
    public async Task GetResponseAsync_text_reply_maps_text_ids_finish_reason_and_usage()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ModelScript.Always(Reply.Text("Hello there") with { Usage = new ReplyUsage(100, 20, CachedInputTokens: 30) }), _ct);
        using var client = AnthropicTestClient.Create(server);

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct);

        Assert.Equal("Hello there", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("msg_1", response.ResponseId);
        Assert.Equal("claude-test", response.ModelId);
        // Anthropic counts cache reads apart from input_tokens; M.E.AI's input count includes them.
        Assert.Equal(130, response.Usage?.InputTokenCount);
        Assert.Equal(30, response.Usage?.CachedInputTokenCount);
        Assert.Equal(20, response.Usage?.OutputTokenCount);
        Assert.Equal(150, response.Usage?.TotalTokenCount);
        var request = Assert.Single(server.ModelCalls);
        Assert.Equal(ModelApi.AnthropicMessages, request.Api);
        Assert.False(request.Stream);
        Assert.Equal("claude-test", request.Model);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(8192, body.RootElement.GetProperty("max_tokens").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("thinking", out _));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_text_arrives_in_pieces_and_the_last_update_has_finish_reason_and_usage()
    {
        var text = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"word{i}"));
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text(text)), _ct);
        using var client = AnthropicTestClient.Create(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count(u => u.Contents.OfType<TextContent>().Any()) > 1, "the text was not streamed in pieces");
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        var usage = Assert.IsType<UsageContent>(Assert.Single(updates[^1].Contents));
        Assert.Equal(101, usage.Details.InputTokenCount);
        Assert.Equal(20, usage.Details.OutputTokenCount);
        var response = updates.ToChatResponse();
        Assert.Equal(text, response.Text);
        Assert.Equal(101, response.Usage?.InputTokenCount);
        Assert.Single(response.Messages);
        Assert.True(Assert.Single(server.ModelCalls).Stream);
    }

    [Fact]
    public async Task Requests_go_to_v1_messages_with_key_version_and_json_headers()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")),
            new ScriptedModelServerOptions { RequiredApiKey = "the-key" }, _ct);
        var recorder = new RecordingHandler();
        using var client = AnthropicTestClient.Create(server, key: "the-key", handler: recorder);

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct);

        Assert.Equal("ok", response.Text);
        var (method, uri, headers, contentType) = Assert.Single(recorder.Seen);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal($"{server.BaseUrl}/v1/messages", uri?.ToString());
        Assert.Equal("the-key", Assert.Single(headers.GetValues("x-api-key")));
        Assert.Equal("2023-06-01", Assert.Single(headers.GetValues("anthropic-version")));
        Assert.Equal("application/json", contentType?.MediaType);
        Assert.True(Assert.Single(server.ModelCalls).HasAuthorization);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_tool_round_trip_sends_system_tool_use_and_tool_result_with_matching_ids(bool stream)
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, r => Reply.Text("Found: " + r.PendingToolResults[^1].Output))
            .Otherwise(Reply.ToolCall("lookup", """{"q":"zwarm"}""", preface: "Looking it up."));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = AnthropicTestClient.Create(server);
        var options = new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.Auto };
        List<ChatMessage> conversation = [new(ChatRole.System, "You are a test."), new(ChatRole.User, "What is zwarm?")];

        var first = await CallAsync(client, conversation, options, stream);

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("Looking it up.", first.Text);
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("lookup", call.Name);
        Assert.Null(call.Exception);
        Assert.Equal("zwarm", Assert.IsType<JsonElement>(call.Arguments?["q"]).GetString());

        conversation.AddRange(first.Messages);
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, """{"meaning":"a swarm"}""")]));
        var second = await CallAsync(client, conversation, options, stream);

        Assert.Equal("""Found: {"meaning":"a swarm"}""", second.Text);
        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        var recorded = server.ModelCalls[1];
        Assert.Equal("system", recorded.Messages[0].Role);
        Assert.Equal("You are a test.", recorded.Messages[0].Text);
        var assistant = recorded.Messages.Single(m => m.Role == "assistant");
        Assert.Equal(call.CallId, Assert.Single(assistant.ToolCalls).CallId);
        Assert.Equal("""{"q":"zwarm"}""", assistant.ToolCalls[0].Arguments);
        var result = Assert.Single(recorded.ToolResults);
        Assert.Equal(call.CallId, result.CallId);
        Assert.Equal("""{"meaning":"a swarm"}""", result.Output);
        // The tools and the tool choice went with both requests.
        using var body = JsonDocument.Parse(recorded.Body);
        var tool = Assert.Single(body.RootElement.GetProperty("tools").EnumerateArray().ToList());
        Assert.Equal("lookup", tool.GetProperty("name").GetString());
        Assert.Equal("Looks a word up", tool.GetProperty("description").GetString());
        Assert.Equal("object", tool.GetProperty("input_schema").GetProperty("type").GetString());
        Assert.Equal("auto", body.RootElement.GetProperty("tool_choice").GetProperty("type").GetString());
        Assert.Equal("You are a test.", body.RootElement.GetProperty("system").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Thinking_comes_back_as_reasoning_and_is_sent_back_with_its_signature(bool stream)
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.ReasoningThenText("The lookup worked.", "Done."))
            .Otherwise(Reply.Parts(new ReasoningPart("I should look the word up first."), new ToolCallPart("lookup", """{"q":"x"}""")));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = AnthropicTestClient.Create(server);
        var options = new ChatOptions { Tools = [Lookup], Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High } };
        List<ChatMessage> conversation = [new(ChatRole.User, "Look up x")];

        var reasoningPieces = new List<string>();
        var first = stream
            ? await CollectAsync(client.GetStreamingResponseAsync(conversation, options, _ct), reasoningPieces)
            : await client.GetResponseAsync(conversation, options, _ct);

        var thinking = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>());
        Assert.Equal("I should look the word up first.", thinking.Text);
        Assert.Equal("scripted-signature-1", thinking.ProtectedData);
        if (stream)
        {
            Assert.Equal("I should look the word up first.", string.Concat(reasoningPieces));
        }

        conversation.AddRange(first.Messages);
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "found")]));
        var second = await CallAsync(client, conversation, options, stream);

        Assert.Equal("Done.", second.Text);
        Assert.Equal("The lookup worked.", second.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Single().Text);
        using var body = JsonDocument.Parse(server.ModelCalls[1].Body);
        var root = body.RootElement;
        Assert.Equal("enabled", root.GetProperty("thinking").GetProperty("type").GetString());
        var budget = root.GetProperty("thinking").GetProperty("budget_tokens").GetInt32();
        Assert.Equal(16384, budget);
        Assert.True(root.GetProperty("max_tokens").GetInt32() > budget);
        var blocks = root.GetProperty("messages")[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["thinking", "tool_use"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("I should look the word up first.", blocks[0].GetProperty("thinking").GetString());
        Assert.Equal("scripted-signature-1", blocks[0].GetProperty("signature").GetString());
    }

    private async Task<ChatResponse> CallAsync(IChatClient client, List<ChatMessage> conversation, ChatOptions options, bool stream) =>
        stream
            ? await client.GetStreamingResponseAsync(conversation, options, _ct).ToChatResponseAsync(_ct)
            : await client.GetResponseAsync(conversation, options, _ct);

    private static async Task<ChatResponse> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> stream, List<string> reasoning)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
            reasoning.AddRange(update.Contents.OfType<TextReasoningContent>().Select(r => r.Text).Where(t => t.Length > 0));
        }
        return updates.ToChatResponse();
    }
}
