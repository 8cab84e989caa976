// How zwarm's own Anthropic client fails: HTTP errors become one-line AnthropicMessagesExceptions (LlmErrors shows
// them as they are), an in-stream error event and a stream cut before message_stop throw, transient errors are retried.
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Llm.Anthropic;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class AnthropicFailureTests
{
    private readonly CancellationToken _ct = TestTimeout.After(60);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rejected_key_is_one_clean_line(bool stream)
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("x")),
            new ScriptedModelServerOptions { RequiredApiKey = "the-right-key" }, _ct);
        using var client = AnthropicTestClient.Create(server, key: "a-wrong-key");

        var e = await Assert.ThrowsAsync<AnthropicMessagesException>(() => CallAsync(client, stream));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("authentication_error", e.ErrorType);
        Assert.Equal("HTTP 401 authentication_error: Incorrect API key provided", LlmErrors.Describe(e));
        Assert.DoesNotContain("a-wrong-key", e.Message);
    }

    [Theory]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(529, "overloaded_error")]
    public async Task Error_statuses_keep_the_api_type_and_message(int status, string type)
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Error(status, "try\nagain later")), _ct);
        using var client = AnthropicTestClient.Create(server);

        var e = await Assert.ThrowsAsync<AnthropicMessagesException>(() => CallAsync(client, stream: true));

        Assert.Equal(status, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal($"HTTP {status} {type}: try again later", LlmErrors.Describe(e));
        Assert.Single(server.ModelCalls); // MaxRetries 0: no second attempt.
    }

    [Fact]
    public async Task A_transient_error_is_retried_up_to_max_retries()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ModelScript.Sequence(Reply.ServerError("busy"), Reply.Text("second time lucky")), _ct);
        using var client = AnthropicTestClient.Create(server, maxRetries: 1);

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct);

        Assert.Equal("second time lucky", response.Text);
        Assert.Equal(2, server.ModelCalls.Count);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Error(400, "max_tokens: too large")), _ct);
        using var client = AnthropicTestClient.Create(server, maxRetries: 2);

        var e = await Assert.ThrowsAsync<AnthropicMessagesException>(() => CallAsync(client, stream: false));

        Assert.Equal("HTTP 400 invalid_request_error: max_tokens: too large", e.Message);
        Assert.Single(server.ModelCalls);
    }

    [Fact]
    public async Task A_stream_cut_before_message_stop_fails_after_the_text_so_far()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.CutStream(new TextPart("Let me"))), _ct);
        using var client = AnthropicTestClient.Create(server);
        var text = "";

        var e = await Assert.ThrowsAsync<LlmReplyException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct))
            {
                text += update.Text;
            }
        });

        Assert.Equal("Let me", text);
        Assert.Contains("the stream ended before the message was complete", LlmErrors.Describe(e));
    }

    [Fact]
    public async Task An_error_event_in_the_stream_fails_with_its_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ModelScript.Always(Reply.StreamError("Overloaded", new TextPart("Let me"))), _ct);
        using var client = AnthropicTestClient.Create(server);

        var e = await Assert.ThrowsAsync<AnthropicMessagesException>(() => CallAsync(client, stream: true));

        Assert.Null(e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Equal("api_error: Overloaded", LlmErrors.Describe(e));
    }

    [Fact]
    public async Task An_unreachable_server_is_cannot_connect()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var client = new AnthropicChatClient(new AnthropicClientOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"), ApiKey = "k", Model = "m", MaxRetries = 0,
        });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct));

        Assert.StartsWith("cannot connect", LlmErrors.Describe(e));
    }

    private async Task<ChatResponse> CallAsync(IChatClient client, bool stream) =>
        stream
            ? await client.GetStreamingResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct).ToChatResponseAsync(_ct)
            : await client.GetResponseAsync([new(ChatRole.User, "Hi")], cancellationToken: _ct);
}
