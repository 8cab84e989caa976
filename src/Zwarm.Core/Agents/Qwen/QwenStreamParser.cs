// Parses Qwen Code's `--output-format stream-json` stdout into AgentEvents. The lines look like Claude Code's
// (system/init, assistant, user, result), with Qwen's own facts (0.24.4, checked against a local model server):
//  - usage: each assistant line carries the usage of the model call that produced it, on the LAST line of a reply
//    (a reply with text and a tool call is two lines; the first has zero usage). result.usage is CUMULATIVE over the
//    whole session, resumed turns included. zwarm sums the per-call usage: it is this turn's own, also when the turn
//    is killed before its result line, and needs no earlier reading to subtract. Not counted: Qwen's background
//    requests (managed auto-memory / auto-dream, on in Qwen's default settings), which appear in result.usage only.
//  - an API error is an assistant text "[API Error: 401 ...]" followed by result subtype error_during_execution,
//    is_error true and error.message; exit code 1.
//  - input_tokens includes the cached part (OpenAI's prompt_tokens), cache_read_input_tokens is that part.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Qwen;

internal sealed partial class QwenStreamParser : ISplitLineParser, IJsonLineHandler
{
    // tool_use id -> what its result needs; removed when the result arrives.
    private readonly Dictionary<string, QwenToolUse> _pendingTools = new(StringComparer.Ordinal);
    // Every denial already reported, so result.permission_denials does not report it twice.
    private readonly HashSet<string> _reportedDenials = new(StringComparer.Ordinal);

    public int MalformedLines { get; private set; }

    public void ParseLine(ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink)
    {
        if (!JsonLineParsing.TryParse(this, utf8Line, sink))
        {
            MalformedLines++;
        }
    }

    public object? Decode(ReadOnlyMemory<byte> utf8Line) => JsonLineParsing.Decode(utf8Line);

    public void Apply(object? decoded, ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink)
    {
        if (!JsonLineParsing.Apply(this, decoded, utf8Line, sink))
        {
            MalformedLines++;
        }
    }

    public bool TryHandle(JsonElement root, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        switch (root.Str("type"))
        {
            case null:
                return false;
            case "system":
                if (root.Str("subtype") != "init")
                {
                    sink.Add(new UnknownEvent($"system:{root.Str("subtype")}", Encoding.UTF8.GetString(line)));
                    return true;
                }
                if (root.Str("session_id") is not { Length: > 0 } sessionId)
                {
                    return false;
                }
                sink.Add(new ConversationStarted(sessionId, root.Str("model"), root.Str("cwd")));
                return true;
            case "assistant":
                return HandleAssistant(root, line, sink);
            case "user":
                return HandleUser(root, sink);
            case "result":
                HandleResult(root, sink);
                return true;
            case "stream_event":
                // Goal state and partial-message deltas; the complete assistant lines follow.
                return true;
            case var other:
                sink.Add(new UnknownEvent(other, Encoding.UTF8.GetString(line)));
                return true;
        }
    }

    private void HandleResult(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Arr("permission_denials") is { } denials)
        {
            foreach (var denial in denials.EnumerateArray())
            {
                var id = denial.Str("tool_use_id");
                if (id is null || _reportedDenials.Add(id))
                {
                    sink.Add(new PermissionDenied(denial.Str("tool_name") ?? "unknown", "permission denied"));
                }
            }
        }

        var subtype = root.Str("subtype");
        var failed = root.Flag("is_error") || (subtype?.StartsWith("error", StringComparison.Ordinal) ?? false);
        if (failed)
        {
            var message = root.Obj("error")?.Str("message") is { Length: > 0 } error ? error
                : root.Str("result") is { Length: > 0 } result ? result
                : subtype is null or "success" ? "turn failed" : subtype;
            sink.Add(new TurnFailed(message));
        }
        else
        {
            sink.Add(new TurnCompleted(root.Str("result")));
        }
    }

    /// <summary>One model call's usage, in zwarm's terms (input includes the cached part, as Qwen reports it).</summary>
    internal static TokenUsage NormalizeUsage(JsonElement usage) => new(
        InputTokens: usage.Long("input_tokens"),
        CachedInputTokens: usage.Long("cache_read_input_tokens"),
        OutputTokens: usage.Long("output_tokens"));
}
