// Sending one request with retries: a refused connection, 408/409/429 and 5xx are tried again (after retry-after
// when the server gives one, else a short growing pause) up to MaxRetries times, always before any of the reply has
// been read; other statuses throw at once. Error bodies become one-line AnthropicMessagesExceptions.
using System.Net;
using System.Text.Json;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed partial class AnthropicChatClient
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private async Task<HttpResponseMessage> SendAsync(MessagesRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AnthropicJsonContext.Wire.MessagesRequest);
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt >= _options.MaxRetries;
            HttpResponseMessage response;
            using (var message = NewRequest(body, request.Stream == true))
            {
                try
                {
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException) when (!last && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(Pause(attempt, null), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                if (last || !error.IsTransient)
                {
                    throw error;
                }
                await Task.Delay(Pause(attempt, response.Headers.RetryAfter), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan Pause(int attempt, System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter)
    {
        var pause = retryAfter?.Delta ?? TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt));
        return pause < TimeSpan.Zero ? TimeSpan.Zero : pause > MaxPause ? MaxPause : pause;
    }

    private static async Task<AnthropicMessagesException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            text = "";
        }
        ErrorEnvelope? envelope = null;
        try
        {
            envelope = text.Length > 0 ? JsonSerializer.Deserialize(text, AnthropicJsonContext.Wire.ErrorEnvelope) : null;
        }
        catch (JsonException)
        {
            // Not Anthropic's error shape (a proxy's HTML page, plain text): the text itself is the best message.
        }
        var message = envelope?.Error?.Message is { Length: > 0 } m ? m
            : text.Trim() is { Length: > 0 } raw && !raw.StartsWith('<') ? raw
            : response.ReasonPhrase is { Length: > 0 } reason ? reason
            : ((HttpStatusCode)status).ToString();
        return new AnthropicMessagesException(status, envelope?.Error?.Type, message);
    }
}
