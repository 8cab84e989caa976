// Parses Claude Code's `--output-format stream-json --verbose` stdout into AgentEvents. Claude's lines are nested
// (content blocks inside messages) and the closing result line puts "type" near its end, so each line is read into a
// pooled JsonDocument rather than walked once like Codex's; Claude turn files are far smaller than Codex's big ones.
//
// Traps handled here: an API failure arrives as a *synthetic* assistant message ("model": "<synthetic>") followed by a
// result with subtype "success" but is_error true, so neither may be read as a real answer; usage uses Anthropic's
// split of input tokens, normalized so InputTokens covers cache reads and writes as it does for OpenAI.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Claude;

internal sealed partial class ClaudeStreamParser : ISplitLineParser, IJsonLineHandler
{
    // tool_use id -> what its result needs; removed when the result arrives.
    private readonly Dictionary<string, ClaudeToolUse> _pendingTools = new(StringComparer.Ordinal);
    // tool_use ids refused by a system/permission_denied event (their tool_result is the refusal, not an execution).
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);
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
                return HandleSystem(root, line, sink);
            case "assistant":
                return HandleAssistant(root, line, sink);
            case "user":
                return HandleUser(root, sink);
            case "result":
                HandleResult(root, sink);
                return true;
            case "stream_event":
                // Partial-message deltas (--include-partial-messages); the complete assistant lines follow.
                return true;
            case var other:
                sink.Add(new UnknownEvent(other, Encoding.UTF8.GetString(line)));
                return true;
        }
    }

    private bool HandleSystem(JsonElement root, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        var subtype = root.Str("subtype");
        switch (subtype)
        {
            case "init":
                if (root.Str("session_id") is not { Length: > 0 } sessionId)
                {
                    return false;
                }
                sink.Add(new ConversationStarted(sessionId, root.Str("model"), root.Str("cwd")));
                return true;

            case "permission_denied":
                var toolUseId = root.Str("tool_use_id");
                if (toolUseId is not null)
                {
                    _denied.Add(toolUseId);
                    _reportedDenials.Add(toolUseId);
                }
                sink.Add(new PermissionDenied(root.Str("tool_name") ?? "unknown", root.Str("message") ?? "permission denied"));
                return true;

            case "api_retry":
                sink.Add(new ErrorReported(DescribeRetry(root)));
                return true;

            case "thinking_tokens":
                // Progress estimate while the model thinks; the thinking block itself follows.
                return true;

            default:
                sink.Add(new UnknownEvent($"system:{subtype}", Encoding.UTF8.GetString(line)));
                return true;
        }
    }

    // {"subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":500,"error_status":529,"error":"overloaded"}
    private static string DescribeRetry(JsonElement root)
    {
        var text = new StringBuilder("API retry");
        if (root.Long("attempt") is > 0 and var attempt)
        {
            text.Append(' ').Append(attempt);
            if (root.Long("max_retries") is > 0 and var max)
            {
                text.Append('/').Append(max);
            }
        }
        if (root.Long("error_status") is > 0 and var status)
        {
            text.Append(" (status ").Append(status).Append(')');
        }
        if (root.Str("error") is { Length: > 0 } error)
        {
            text.Append(": ").Append(error);
        }
        return text.ToString();
    }

    private void HandleResult(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Obj("usage") is { } usage)
        {
            sink.Add(new UsageReported(NormalizeUsage(usage), Cumulative: false));
        }

        // Older versions report denials only here; newer ones also send system/permission_denied first.
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

        var cost = root.Decimal("total_cost_usd");
        var subtype = root.Str("subtype");
        var failed = root.Flag("is_error") || (subtype?.StartsWith("error", StringComparison.Ordinal) ?? false);
        if (failed)
        {
            sink.Add(new TurnFailed(FailureMessage(root, subtype), cost));
        }
        else
        {
            sink.Add(new TurnCompleted(root.Str("result"), cost));
        }
    }

    private static string FailureMessage(JsonElement root, string? subtype)
    {
        if (root.Str("result") is { Length: > 0 } result)
        {
            return result;
        }
        if (root.Arr("errors") is { } errors)
        {
            var joined = string.Join("; ", errors.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())
                .Where(e => !string.IsNullOrEmpty(e)));
            if (joined.Length > 0)
            {
                return joined;
            }
        }
        return subtype is null or "success" ? "turn failed" : subtype;
    }

    /// <summary>
    /// Anthropic reports input_tokens without the cached part; zwarm's InputTokens includes cache reads and writes
    /// (as OpenAI's does), with those two also given separately so each can be priced at its own rate.
    /// </summary>
    internal static TokenUsage NormalizeUsage(JsonElement usage)
    {
        var cacheRead = usage.Long("cache_read_input_tokens");
        var cacheWrite = usage.Long("cache_creation_input_tokens");
        var thinking = usage.Obj("output_tokens_details") is { } details ? details.Long("thinking_tokens") : 0;
        return new TokenUsage(
            InputTokens: usage.Long("input_tokens") + cacheRead + cacheWrite,
            CachedInputTokens: cacheRead,
            CacheWriteInputTokens: cacheWrite,
            OutputTokens: usage.Long("output_tokens"),
            ReasoningOutputTokens: thinking);
    }
}
