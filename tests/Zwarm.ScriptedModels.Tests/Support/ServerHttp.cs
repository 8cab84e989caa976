// Small HTTP helpers for talking to the scripted server the way the real clients do.
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Tests.Support;

internal static class ServerHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static HttpClient Client(ScriptedModelServer server, string? apiKey = "test-key")
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = Timeout };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Returns as soon as the headers arrive, like a streaming client.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, JsonNode body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static async Task<(int Status, JsonNode Body)> PostJsonAsync(HttpClient client, string path, JsonNode body,
        CancellationToken cancellationToken)
    {
        using var response = await PostAsync(client, path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    public static async Task<(int Status, string? ContentType, List<SseEvent> Events)> PostStreamAsync(HttpClient client,
        string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(client, path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, SseEvent.ParseAll(text));
    }

    /// <summary>A minimal Responses request: one user message, optional streaming.</summary>
    public static JsonObject ResponsesBody(string userText, bool stream, JsonArray? extraInput = null)
    {
        var input = new JsonArray(new JsonObject
        {
            ["type"] = "message", ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = userText }),
        });
        foreach (var item in extraInput ?? []) input.Add(item?.DeepClone());
        return new JsonObject { ["model"] = "gpt-test", ["stream"] = stream, ["input"] = input };
    }

    public static JsonObject ChatBody(string userText, bool stream) => new()
    {
        ["model"] = "gpt-test",
        ["stream"] = stream,
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = "be brief" },
            new JsonObject { ["role"] = "user", ["content"] = userText }),
    };

    public static JsonObject AnthropicBody(string userText, bool stream) => new()
    {
        ["model"] = "claude-test",
        ["max_tokens"] = 1000,
        ["stream"] = stream,
        ["system"] = "be brief",
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = userText }),
        }),
    };
}
