// An IChatClient for the Anthropic Messages API over plain HttpClient and source-generated JSON, so the native (AOT)
// zwarm can use Anthropic: the official SDK serializes by reflection, which native AOT cannot run. Covers what zwarm's
// orchestrator needs: system prompt, text, tool use and results, extended thinking with signatures, usage, streaming
// (server-sent events parsed by the BCL's System.Net.ServerSentEvents).
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed partial class AnthropicChatClient : IChatClient
{
    internal const string ApiVersion = "2023-06-01";

    private readonly AnthropicClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _messagesUri;
    private readonly ChatClientMetadata _metadata;

    /// <param name="httpClient">Null: a client of its own with <see cref="AnthropicClientOptions.RequestTimeout"/>.</param>
    public AnthropicChatClient(AnthropicClientOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = options.RequestTimeout };
        _messagesUri = new Uri(options.BaseUrl.ToString().TrimEnd('/') + "/v1/messages");
        _metadata = new ChatClientMetadata("anthropic", options.BaseUrl, options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var request = MessageMapper.ToRequest(messages, options, _options.Model, _options.MaxOutputTokens, stream: false);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var reply = await JsonSerializer.DeserializeAsync(body, AnthropicJsonContext.Wire.MessagesResponse, cancellationToken)
                .ConfigureAwait(false) ?? throw new JsonException("the reply body is empty");
            return ReplyMapper.ToResponse(reply);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = MessageMapper.ToRequest(messages, options, _options.Model, _options.MaxOutputTokens, stream: true);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var assembler = new StreamAssembler();
            await foreach (var sse in SseParser.Create(body).EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (sse.Data.Length == 0)
                {
                    continue;
                }
                var e = JsonSerializer.Deserialize(sse.Data, AnthropicJsonContext.Wire.StreamEvent);
                if (e is null)
                {
                    continue;
                }
                // The `event:` line names the event; the data's `type` repeats it (and is all some proxies keep).
                if (assembler.Translate(e with { Type = e.Type ?? sse.EventType }) is { } update)
                {
                    yield return update;
                }
                if (assembler.Complete)
                {
                    yield break;
                }
            }
            throw new LlmReplyException("the stream ended before the message was complete (no message_stop)");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private HttpRequestMessage NewRequest(byte[] body, bool stream)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _messagesUri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add("x-api-key", _options.ApiKey);
        message.Headers.Add("anthropic-version", ApiVersion);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(stream ? "text/event-stream" : "application/json"));
        return message;
    }
}
