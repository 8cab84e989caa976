// Turns whatever an SDK throws (HTTP status errors, refused connections, timeouts, stream errors) into one readable
// line for the user; a stack trace is never the answer to "the model server is down".
using System.ClientModel;
using Anthropic.Exceptions;
using System.Net.Http;
using System.Net.Sockets;
using Zwarm.Orchestration.Llm.Anthropic;

namespace Zwarm.Orchestration.Llm;

internal static class LlmErrors
{
    /// <summary>One line describing <paramref name="e"/> (innermost useful cause, no stack trace).</summary>
    public static string Describe(Exception e)
    {
        switch (e)
        {
            case ClientResultException result:
                return result.Status > 0
                    ? $"HTTP {result.Status}: {Clean(result.Message, stripStatus: true)}"
                    : Describe(result.InnerException ?? new Exception(result.Message));
            case HttpRequestException http when Find<SocketException>(http) is { } socket:
                return $"cannot connect ({socket.Message})";
            case HttpRequestException http:
                return http.StatusCode is { } code ? $"HTTP {(int)code}: {Clean(http.Message)}" : $"cannot connect ({Clean(http.Message)})";
            case TaskCanceledException or TimeoutException when Find<TimeoutException>(e) is not null || e is TimeoutException:
                return "the request timed out";
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return Describe(aggregate.InnerExceptions[0]);
            case AnthropicMessagesException messages:
                // Already one line: "HTTP 401 authentication_error: ..." or, in a stream, "overloaded_error: ...".
                return messages.Message;
            case AnthropicApiException api:
                return $"HTTP {(int)api.StatusCode}: {api.ApiMessage ?? Clean(api.Message)}";
            case AnthropicServiceException service when service.ApiMessage is { Length: > 0 } apiMessage:
                return Clean(apiMessage);
        }
        if (e.GetType().Namespace?.StartsWith("Anthropic", StringComparison.Ordinal) == true)
        {
            if (Find<SocketException>(e) is { } socket)
            {
                return $"cannot connect ({socket.Message})";
            }
            if (Find<HttpRequestException>(e) is { } http && !ReferenceEquals(http, e))
            {
                return Describe(http);
            }
            return Clean(e.Message);
        }
        if (e is IOException && Find<SocketException>(e) is { } s)
        {
            return $"connection lost ({s.Message})";
        }
        return Clean(e.Message);
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T t)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>The message flattened to one line, without repeated status prefixes, at most 400 characters.</summary>
    private static string Clean(string message, bool stripStatus = false)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join(" ", lines);
        if (stripStatus && text.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ', 5);
            text = space > 0 ? text[(space + 1)..].Trim() : text;
        }
        return text.Length <= 400 ? text : text[..400] + "…";
    }
}
