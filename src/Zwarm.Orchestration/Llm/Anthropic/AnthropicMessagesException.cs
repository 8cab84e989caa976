// A failure the Messages API reported: an HTTP error status with its error body, or an in-stream `error` event
// (no status). The message is one line ("HTTP 401 authentication_error: invalid x-api-key") that LlmErrors shows as is.
namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed class AnthropicMessagesException : Exception
{
    public AnthropicMessagesException(int? statusCode, string? errorType, string apiMessage)
        : base(Format(statusCode, errorType, apiMessage))
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        ApiMessage = apiMessage;
    }

    /// <summary>The HTTP status; null for an error event inside a stream that had started with 200.</summary>
    public int? StatusCode { get; }

    /// <summary>Anthropic's error type (authentication_error, rate_limit_error, overloaded_error, ...), when given.</summary>
    public string? ErrorType { get; }

    public string ApiMessage { get; }

    /// <summary>Worth another attempt: rate limits, overload, server errors (never a bad request or key).</summary>
    public bool IsTransient => StatusCode is 408 or 409 or 429 or >= 500;

    private static string Format(int? statusCode, string? errorType, string apiMessage)
    {
        var prefix = (statusCode, errorType) switch
        {
            ({ } s, { Length: > 0 } t) => $"HTTP {s} {t}: ",
            ({ } s, _) => $"HTTP {s}: ",
            (null, { Length: > 0 } t) => $"{t}: ",
            _ => "",
        };
        return prefix + OneLine(apiMessage);
    }

    private static string OneLine(string text)
    {
        var joined = string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return joined.Length <= 400 ? joined : joined[..400] + "…";
    }
}
