// The closed family of scripted outcomes: content, HTTP error, an error inside the stream, a cut stream, a stall.
namespace Zwarm.ScriptedModels.Scripting;

/// <summary>What the server does with one model call. <see cref="Usage"/> overrides the default token counts;
/// <see cref="Delay"/> waits before answering (cancelled when the client goes away).</summary>
public abstract record ScriptedReply
{
    private protected ScriptedReply()
    {
    }

    public ReplyUsage? Usage { get; init; }

    public TimeSpan Delay { get; init; }
}

/// <summary>A normal reply: text, reasoning and tool calls, streamed or as one JSON object as the client asked.</summary>
public sealed record ContentReply(IReadOnlyList<ReplyPart> Parts) : ScriptedReply;

/// <summary>An HTTP error with an API-shaped error body (OpenAI <c>{"error":{...}}</c> or Anthropic
/// <c>{"type":"error","error":{...}}</c>), sent before anything else.</summary>
public sealed record ErrorReply(int StatusCode, string Message) : ScriptedReply;

/// <summary>A stream that starts fine, sends <paramref name="PartsBefore"/>, then reports an error in-band
/// (Responses <c>response.failed</c>, Anthropic <c>event: error</c>, Chat an <c>error</c> chunk). Without
/// streaming it is a 500.</summary>
public sealed record StreamErrorReply(string Message, IReadOnlyList<ReplyPart> PartsBefore) : ScriptedReply;

/// <summary>A stream that sends <paramref name="PartsBefore"/> and ends without its completion event; with
/// <paramref name="AbortConnection"/> the TCP connection is reset instead of the body being ended cleanly.
/// Without streaming, half a JSON body is sent and the connection reset.</summary>
public sealed record CutStreamReply(IReadOnlyList<ReplyPart> PartsBefore, bool AbortConnection = false) : ScriptedReply;

/// <summary>Never answers: hangs until the client disconnects or the server stops. With
/// <paramref name="SendHeaders"/> a streaming request first gets its 200 and SSE headers.</summary>
public sealed record StallReply(bool SendHeaders = true) : ScriptedReply;
