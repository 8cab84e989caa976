namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>Where and how <see cref="AnthropicChatClient"/> calls the Messages API.</summary>
internal sealed record AnthropicClientOptions
{
    /// <summary>The API root (<c>https://api.anthropic.com</c>); requests go to <c>{BaseUrl}/v1/messages</c>.</summary>
    public required Uri BaseUrl { get; init; }

    public required string ApiKey { get; init; }

    /// <summary>Used when ChatOptions.ModelId is not set.</summary>
    public required string Model { get; init; }

    /// <summary>max_tokens when ChatOptions.MaxOutputTokens is not set (the API requires one).</summary>
    public int MaxOutputTokens { get; init; } = 8192;

    /// <summary>Further attempts after a refused connection, 408, 409, 429 or 5xx before any reply was read.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Bounds each attempt up to the reply's headers (a stream may then run as long as it streams).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Waits between retries.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
