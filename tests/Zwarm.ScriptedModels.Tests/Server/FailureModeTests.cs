using System.Diagnostics;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class FailureModeTests
{
    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Unauthorized_has_an_OpenAI_shaped_body_on_OpenAI_paths()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized()), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", stream: true), _ct);

        Assert.Equal(401, status);
        Assert.Equal("Incorrect API key provided", (string)body["error"]!["message"]!);
        Assert.Equal("invalid_api_key", (string)body["error"]!["code"]!);
    }

    [Fact]
    public async Task Unauthorized_has_an_Anthropic_shaped_body_on_messages()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized("bad key")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", stream: true), _ct);

        Assert.Equal(401, status);
        Assert.Equal("error", (string)body["type"]!);
        Assert.Equal("authentication_error", (string)body["error"]!["type"]!);
        Assert.Equal("bad key", (string)body["error"]!["message"]!);
    }

    [Fact]
    public async Task Server_error_status_is_sent_with_its_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ServerError("boom")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("hi", stream: false), _ct);

        Assert.Equal(500, status);
        Assert.Equal("boom", (string)body["error"]!["message"]!);
    }

    [Fact]
    public async Task Required_api_key_rejects_other_keys_and_accepts_the_right_one()
    {
        var options = new ScriptedModelServerOptions { RequiredApiKey = "right" };
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), options, _ct);
        using var wrong = ServerHttp.Client(server, apiKey: "wrong");
        using var right = ServerHttp.Client(server, apiKey: "right");

        var (wrongStatus, _) = await ServerHttp.PostJsonAsync(wrong, "/v1/responses", ServerHttp.ResponsesBody("hi", false), _ct);
        var (rightStatus, _) = await ServerHttp.PostJsonAsync(right, "/v1/responses", ServerHttp.ResponsesBody("hi", false), _ct);

        Assert.Equal(401, wrongStatus);
        Assert.Equal(200, rightStatus);
    }

    [Fact]
    public async Task Stream_error_ends_Responses_stream_with_response_failed()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.StreamError("model exploded", new TextPart("partial"))), _ct);
        using var client = ServerHttp.Client(server);

        var (status, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", true), _ct);

        Assert.Equal(200, status);
        Assert.Contains(events, e => e.Type == "response.output_item.done");
        Assert.Equal("response.failed", events[^1].Type);
        Assert.Equal("model exploded", (string)events[^1].Json["response"]!["error"]!["message"]!);
        Assert.DoesNotContain(events, e => e.Type == "response.completed");
    }

    [Fact]
    public async Task Stream_error_ends_Anthropic_stream_with_an_error_event()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.StreamError("overloaded")), _ct);
        using var client = ServerHttp.Client(server);

        var (_, _, events) = await ServerHttp.PostStreamAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", true), _ct);

        Assert.Equal("error", events[^1].Name);
        Assert.Equal("overloaded", (string)events[^1].Json["error"]!["message"]!);
        Assert.DoesNotContain(events, e => e.Name == "message_stop");
    }

    [Fact]
    public async Task Cut_stream_sends_the_items_but_no_completion()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.CutStream(new TextPart("partial"))), _ct);
        using var client = ServerHttp.Client(server);

        var (_, _, responses) = await ServerHttp.PostStreamAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", true), _ct);
        var (_, _, messages) = await ServerHttp.PostStreamAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", true), _ct);
        var (_, _, chat) = await ServerHttp.PostStreamAsync(client, "/v1/chat/completions", ServerHttp.ChatBody("hi", true), _ct);

        Assert.Equal("response.output_item.done", responses[^1].Type);
        Assert.Equal("content_block_stop", messages[^1].Name);
        Assert.NotEqual("[DONE]", chat[^1].Data);
        Assert.DoesNotContain(chat, e => e.Data != "[DONE]" && e.Json["choices"]?[0]?["finish_reason"] is not null);
    }

    [Fact]
    public async Task Aborted_connection_makes_the_client_read_fail()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.AbortConnection(new TextPart("partial"))), _ct);
        using var client = ServerHttp.Client(server);

        // The reset may even overtake the headers; either way the client must not see a clean stream.
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var response = await ServerHttp.PostAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", true), _ct);
            await response.Content.ReadAsStringAsync(_ct);
        });
    }

    [Fact]
    public async Task Cut_non_streaming_reply_fails_the_client_read()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.CutStream(new TextPart("partial"))), _ct);
        using var client = ServerHttp.Client(server);

        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var response = await ServerHttp.PostAsync(client, "/v1/messages", ServerHttp.AnthropicBody("hi", false), _ct);
            await response.Content.ReadAsStringAsync(_ct);
        });
    }

    [Fact]
    public async Task Stall_hangs_until_the_client_gives_up_and_the_server_keeps_serving()
    {
        var script = ModelScript.Empty.On(Match.UserTextContains("stall"), Reply.Stall()).Otherwise(Reply.Text("fine"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = ServerHttp.Client(server);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(_ct);

        var stalled = ServerHttp.PostAsync(client, "/v1/messages", ServerHttp.AnthropicBody("please stall", true), giveUp.Token);
        using var headers = await stalled; // headers of a streaming stall arrive; the body never ends
        var body = headers.Content.ReadAsStringAsync(giveUp.Token);
        await Task.Delay(300, _ct);
        Assert.False(body.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => body);

        var (status, _) = await ServerHttp.PostJsonAsync(client, "/v1/messages", ServerHttp.AnthropicBody("normal", false), _ct);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Disposing_the_server_releases_a_stall_quickly_and_the_client_sees_a_failure()
    {
        var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Stall(sendHeaders: false)), _ct);
        using var client = ServerHttp.Client(server);
        var stalled = ServerHttp.PostAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", false), _ct);
        await server.WaitForRequestAsync(_ => true, _ct);

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stalled);
    }

    [Fact]
    public async Task Delay_postpones_the_reply()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("late") with { Delay = TimeSpan.FromMilliseconds(400) }), _ct);
        using var client = ServerHttp.Client(server);

        var clock = Stopwatch.StartNew();
        var (status, _) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", false), _ct);

        Assert.Equal(200, status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task Unmatched_request_gets_a_500_that_says_so()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Empty.On(Match.UserTextContains("x"), Reply.Text("x")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/messages", ServerHttp.AnthropicBody("something else", false), _ct);

        Assert.Equal(500, status);
        Assert.Contains("No scripted rule matched", (string)body["error"]!["message"]!);
        Assert.Contains("something else", (string)body["error"]!["message"]!);
    }

    [Fact]
    public async Task A_throwing_script_function_gets_a_500_with_its_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.FromFunction(_ => throw new InvalidOperationException("bad script")), _ct);
        using var client = ServerHttp.Client(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, "/v1/responses", ServerHttp.ResponsesBody("hi", false), _ct);

        Assert.Equal(500, status);
        Assert.Contains("bad script", (string)body["error"]!["message"]!);
    }
}
