// The stateful half of the Codex parser (ISplitLineParser.Apply): a decoded line becomes events, in file order,
// pairing item.started with item.completed and remembering the turn's last message.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal sealed partial class CodexStreamParser
{
    public void Apply(object? decoded, ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink)
    {
        var mark = sink.Count;
        bool applied;
        try
        {
            applied = decoded is CodexLine line && TryApply(line, utf8Line, sink);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            applied = false;
        }

        if (!applied)
        {
            sink.RemoveRange(mark, sink.Count - mark);
            MalformedLines++;
        }
    }

    // Stateful: turns a decoded line into events, in file order.
    private bool TryApply(CodexLine decoded, ReadOnlySpan<byte> line, List<AgentEvent> sink)
    {
        switch (decoded.Type)
        {
            case CodexEventType.ThreadStarted:
                sink.Add(new ConversationStarted(decoded.ThreadId!));
                return true;

            case CodexEventType.TurnStarted:
                _lastMessage = null;
                return true;

            case CodexEventType.ItemStarted or CodexEventType.ItemCompleted:
                EmitItem(decoded.Type, ref decoded.Item, line, sink);
                return true;

            case CodexEventType.ItemUpdated:
                // Progress of an item whose final state arrives in item.completed; nothing to record.
                return true;

            case CodexEventType.TurnCompleted:
                if (decoded.Usage is not null)
                {
                    sink.Add(new UsageReported(decoded.Usage, Cumulative: true));
                }
                sink.Add(new TurnCompleted(_lastMessage));
                _lastMessage = null;
                return true;

            case CodexEventType.TurnFailed:
                sink.Add(new TurnFailed(decoded.Failure ?? decoded.Message ?? "turn failed"));
                _lastMessage = null;
                return true;

            case CodexEventType.Error:
                var message = decoded.Message;
                sink.Add(new ErrorReported(message ?? "unknown error", message is not null && CodexWarnings.IsHarmless(message)));
                return true;

            case CodexEventType.PlanDelta:
                // Streaming deltas of a plan item; the completed plan item carries the full text.
                return true;

            case CodexEventType.Unknown:
                sink.Add(new UnknownEvent(decoded.TypeName ?? "", Encoding.UTF8.GetString(line)));
                return true;

            default:
                return false;
        }
    }
}
