// Builds zwarm's own Anthropic client against a scripted server, optionally through a handler that records the
// outgoing requests (headers, URI) before they reach the network.
using System.Net.Http.Headers;
using Zwarm.Orchestration.Llm.Anthropic;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

internal static class AnthropicTestClient
{
    public static AnthropicChatClient Create(ScriptedModelServer server, string key = "test", int maxRetries = 0,
        HttpMessageHandler? handler = null) =>
        new(new AnthropicClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl),
            ApiKey = key,
            Model = "claude-test",
            MaxRetries = maxRetries,
            RequestTimeout = TimeSpan.FromSeconds(30),
        }, handler is null ? null : new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) });
}

/// <summary>Remembers each request's method, URI and headers, then sends it on.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public List<(HttpMethod Method, Uri? Uri, HttpRequestHeaders Headers, MediaTypeHeaderValue? ContentType)> Seen { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Seen.Add((request.Method, request.RequestUri, request.Headers, request.Content?.Headers.ContentType));
        return base.SendAsync(request, cancellationToken);
    }
}
