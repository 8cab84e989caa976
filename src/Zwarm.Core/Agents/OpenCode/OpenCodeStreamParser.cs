// Parses `opencode run --format json` stdout (1.18.33) into AgentEvents. Every line is one event with the session id
// ("sessionID") and a "part": step_start, text, reasoning (with --thinking), tool_use (emitted once the call is over:
// state.status completed | error), step_finish (reason, tokens, cost) and error. There is no init or result event:
// the turn ends with the process. So the turn counts as completed when a step finishes for a reason other than
// "tool-calls" (the model stopped on its own); a turn whose last step asked for tools that never ran — opencode
// auto-rejects "ask" permissions headless and then exits 0 — has no such step and is judged from its denial.
//
// Usage is per step: "input" excludes cache reads and writes and "output" excludes reasoning (checked: prompt 1000 with
// 400 cached, completion 50 with 7 reasoning -> input 600, cache.read 400, output 43, reasoning 7), normalized to
// zwarm's meaning (input includes cached, output includes reasoning). "cost" is opencode's own price of the step; it
// is 0 for a model it has no price for (a custom provider), which reads as "no figure", so the price table applies.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.OpenCode;

internal sealed partial class OpenCodeStreamParser : ISplitLineParser, IJsonLineHandler
{
    private string? _sessionId;
    private string? _lastText;

    public int MalformedLines { get; private set; }

    public int? BulkTextLimit { get; set; }

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
        if (root.Str("type") is not { } type)
        {
            return false;
        }
        if (_sessionId is null && root.Str("sessionID") is { Length: > 0 } sessionId)
        {
            _sessionId = sessionId;
            sink.Add(new ConversationStarted(sessionId));
        }
        var part = root.Obj("part");
        switch (type)
        {
            case "step_start":
                return part is not null;
            case "text":
                if (part?.Str("text") is not { } text) return false;
                if (text.Length > 0)
                {
                    _lastText = text;
                    sink.Add(new AssistantMessage(text));
                }
                return true;
            case "reasoning":
                if (part?.Str("text") is not { } thought) return false;
                if (thought.Length > 0) sink.Add(new Reasoning(Cut(thought)));
                return true;
            case "tool_use":
                return part is { } tool && HandleTool(tool, sink);
            case "step_finish":
                return part is { } step && HandleStepFinish(step, sink);
            case "error":
                var message = OpenCodeError.Describe(root.Obj("error"));
                sink.Add(new ErrorReported(message));
                sink.Add(new TurnFailed(message));
                return true;
            default:
                sink.Add(new UnknownEvent(type, Encoding.UTF8.GetString(line)));
                return true;
        }
    }

    private bool HandleStepFinish(JsonElement step, List<AgentEvent> sink)
    {
        if (step.Obj("tokens") is { } tokens)
        {
            var cache = tokens.Obj("cache");
            long read = cache?.Long("read") ?? 0, write = cache?.Long("write") ?? 0, reasoning = tokens.Long("reasoning");
            var usage = new TokenUsage(
                InputTokens: tokens.Long("input") + read + write,
                CachedInputTokens: read,
                CacheWriteInputTokens: write,
                OutputTokens: tokens.Long("output") + reasoning,
                ReasoningOutputTokens: reasoning);
            var cost = step.Decimal("cost") is { } c && c > 0m ? c : (decimal?)null;
            sink.Add(new UsageReported(usage, Cumulative: false, cost));
        }
        // "tool-calls": the model asked for tools and the loop goes on (or stops on a rejected permission).
        if (step.Str("reason") is { } reason && reason is not ("tool-calls" or "error" or "unknown"))
        {
            sink.Add(new TurnCompleted(_lastText));
        }
        return true;
    }

    private string Cut(string text) =>
        BulkTextLimit is { } limit && text.Length > limit ? text[..limit] : text;
}
