// Watches a streamed reply for the failures the SDKs let through silently: a Responses stream that reports
// response.failed / response.incomplete / error in-band, or ends without response.completed; a Chat Completions
// stream that ends without a finish reason (an in-band error chunk, a cut connection); a Messages stream cut before
// its stop reason (SDK). Anthropic's in-band error events are thrown by its SDK; zwarm's own AnthropicChatClient
// throws on those and on a cut stream itself.
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Zwarm.Orchestration.Llm;

#pragma warning disable OPENAI001 // Responses types are "for evaluation" in OpenAI 2.14.0.
internal sealed class StreamHealth
{
    private bool _responses;
    private bool _responsesCompleted;
    private bool _chat;
    private bool _chatFinished;
    private bool _anthropic;
    private bool _anthropicFinished;

    /// <summary>What went wrong, once something did.</summary>
    public string? Problem { get; private set; }

    public void Observe(ChatResponseUpdate update)
    {
        switch (update.RawRepresentation)
        {
            case StreamingResponseFailedUpdate failed:
                _responses = true;
                Problem ??= failed.Response?.Error is { } failure ? $"{failure.Code}: {failure.Message}" : "the response failed";
                break;
            case StreamingResponseIncompleteUpdate incomplete:
                _responses = true;
                Problem ??= $"the response is incomplete ({incomplete.Response?.IncompleteStatusDetails?.Reason?.ToString() ?? "no reason given"})";
                break;
            case StreamingResponseErrorUpdate error:
                _responses = true;
                Problem ??= $"{error.Code}: {error.Message}";
                break;
            case StreamingResponseCompletedUpdate:
                _responses = true;
                _responsesCompleted = true;
                break;
            case StreamingResponseUpdate:
                _responses = true;
                break;
            case StreamingChatCompletionUpdate chat:
                _chat = true;
                _chatFinished |= chat.FinishReason is not null;
                break;
            case { } raw when raw.GetType().Namespace?.StartsWith("Anthropic", StringComparison.Ordinal) == true:
                // message_delta carries the stop reason; a stream cut before it has none.
                _anthropic = true;
                _anthropicFinished |= update.FinishReason is not null;
                break;
        }
    }

    /// <summary>The problem with the stream as a whole, after its end (null when it is fine).</summary>
    public string? Check()
    {
        if (Problem is not null)
        {
            return Problem;
        }
        if (_responses && !_responsesCompleted)
        {
            return "the stream ended before the response completed";
        }
        if (_anthropic && !_anthropicFinished)
        {
            return "the stream ended before the message was complete";
        }
        if (_chat && !_chatFinished)
        {
            return "the stream ended without a finish reason (the server reported an error or the connection was cut)";
        }
        return null;
    }
}
#pragma warning restore OPENAI001
