// Parses Gemini CLI's `-o stream-json` stdout (checked with 0.61.0) into AgentEvents. One flat JSON object a line:
//   init{session_id, model} · message{role, content, delta} · tool_use{tool_name, tool_id, parameters} ·
//   tool_result{tool_id, status, output, error{type, message}} · error{severity, message} ·
//   result{status, error{type, message}, stats{input_tokens, output_tokens, cached, ...}}
// The assistant's answer arrives as many `delta:true` chunks; they are joined into one AssistantMessage, emitted when
// the next line of another kind arrives (a tool call, the result), so a turn killed mid-answer loses only that
// unfinished text. Usage exists only in result.stats, summed over this run's model calls (a resumed run counts only
// its own calls): per invocation, not cumulative. With model "auto" the init line says "auto"; the model that did
// most of the work is then taken from stats.models.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Gemini;

internal sealed partial class GeminiStreamParser : ISplitLineParser, IJsonLineHandler
{
    // tool_id -> what its result needs; removed when the result arrives.
    private readonly Dictionary<string, GeminiToolUse> _pendingTools = new(StringComparer.Ordinal);
    private readonly StringBuilder _answer = new();
    private string? _sessionId;
    private string? _model;

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
        var type = root.Str("type");
        if (type is null)
        {
            return false;
        }
        if (type == "message")
        {
            return HandleMessage(root, sink);
        }

        FlushAnswer(sink);
        switch (type)
        {
            case "init":
                if (root.Str("session_id") is not { Length: > 0 } sessionId)
                {
                    return false;
                }
                _sessionId = sessionId;
                _model = root.Str("model");
                sink.Add(new ConversationStarted(sessionId, IsRouted(_model) ? null : _model));
                return true;
            case "tool_use":
                return HandleToolUse(root, sink);
            case "tool_result":
                return HandleToolResult(root, sink);
            case "error":
                sink.Add(new ErrorReported(root.Str("message") ?? "error", IsWarning: root.Str("severity") == "warning"));
                return true;
            case "result":
                HandleResult(root, sink);
                return true;
            default:
                sink.Add(new UnknownEvent(type, Encoding.UTF8.GetString(line)));
                return true;
        }
    }

    private bool HandleMessage(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Str("content") is not { } content)
        {
            return false;
        }
        // The user's prompt is echoed back as a message; it is not something the agent said.
        if (root.Str("role") != "assistant")
        {
            FlushAnswer(sink);
            return true;
        }
        _answer.Append(content);
        if (!root.Flag("delta"))
        {
            FlushAnswer(sink);
        }
        return true;
    }

    private void FlushAnswer(List<AgentEvent> sink)
    {
        if (_answer.Length == 0)
        {
            return;
        }
        sink.Add(new AssistantMessage(_answer.ToString()));
        _answer.Clear();
    }

    private void HandleResult(JsonElement root, List<AgentEvent> sink)
    {
        if (root.Obj("stats") is { } stats)
        {
            sink.Add(new UsageReported(new TokenUsage(
                InputTokens: stats.Long("input_tokens"),
                CachedInputTokens: stats.Long("cached"),
                CacheWriteInputTokens: 0,
                OutputTokens: stats.Long("output_tokens"),
                ReasoningOutputTokens: 0), Cumulative: false));
            if (IsRouted(_model) && _sessionId is not null && BusiestModel(stats) is { } model)
            {
                sink.Add(new ConversationStarted(_sessionId, model));
            }
        }

        if (root.Str("status") == "success")
        {
            sink.Add(new TurnCompleted(null));
        }
        else
        {
            var error = root.Obj("error");
            sink.Add(new TurnFailed(error?.Str("message") is { Length: > 0 } message ? message : $"turn {root.Str("status") ?? "failed"}"));
        }
    }

    /// <summary>"auto" (and the "auto-…" aliases) let Gemini CLI's router pick the model per request.</summary>
    private static bool IsRouted(string? model) => model is null || model.StartsWith("auto", StringComparison.Ordinal);

    private static string? BusiestModel(JsonElement stats) =>
        stats.Obj("models") is { } models
            ? models.EnumerateObject().OrderByDescending(m => m.Value.Long("total_tokens")).Select(m => m.Name).FirstOrDefault()
            : null;
}
