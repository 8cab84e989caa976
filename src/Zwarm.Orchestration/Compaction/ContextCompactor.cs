// Keeps the conversation inside the model's context window. When the estimate passes the threshold, the oldest
// messages between the protected head (system prompt, task) and the last N are dropped, a whole exchange at a
// time: an assistant message with tool calls and the messages carrying their results go together, so no call is
// ever left without its result (which every provider rejects). A marker message says what happened.
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Compaction;

internal sealed class ContextCompactor(CompactionSettings settings)
{
    /// <summary>Author name of the marker message, so a later compaction replaces it instead of keeping two.</summary>
    public const string MarkerAuthor = "zwarm-compaction";

    public CompactionSettings Settings { get; } = settings;

    /// <summary>True when the conversation is over the threshold.</summary>
    public bool IsNeeded(IReadOnlyList<ChatMessage> messages, long? reportedInputTokens) =>
        Settings.Enabled && Math.Max(TokenEstimator.Estimate(messages), reportedInputTokens ?? 0) > Settings.TriggerTokens;

    /// <summary>
    /// Compacts when needed; null when not needed or nothing can be dropped. <paramref name="protectedHead"/> messages
    /// at the start are always kept (system prompt and task).
    /// </summary>
    public CompactionResult? Compact(IReadOnlyList<ChatMessage> messages, int protectedHead, long? reportedInputTokens = null)
    {
        if (!IsNeeded(messages, reportedInputTokens))
        {
            return null;
        }
        return Force(messages, protectedHead, Settings.TargetTokens);
    }

    /// <summary>Drops the oldest middle exchanges until the estimate is at most <paramref name="targetTokens"/>.</summary>
    public CompactionResult? Force(IReadOnlyList<ChatMessage> messages, int protectedHead, int targetTokens)
    {
        var head = Math.Min(protectedHead, messages.Count);
        var before = TokenEstimator.Estimate(messages);
        var units = Units(messages, head);
        var headMessages = messages.Take(head).ToList();

        // The last units holding at least KeepLast messages are kept.
        var tailStart = units.Count;
        var tailCount = 0;
        while (tailStart > 0 && tailCount < Settings.KeepLast)
        {
            tailStart--;
            tailCount += units[tailStart].Count;
        }
        var middle = units.Take(tailStart).ToList();
        var previousMarker = middle.Count > 0 && IsMarker(middle[0][0]);
        var droppable = previousMarker ? middle.Skip(1).ToList() : middle;
        if (droppable.Count == 0)
        {
            return null;
        }

        var tail = units.Skip(tailStart).SelectMany(u => u).ToList();
        var kept = new List<List<ChatMessage>>(droppable);
        var removed = 0;
        var headTokens = TokenEstimator.Estimate(headMessages) + TokenEstimator.Estimate(tail) + 60;
        while (kept.Count > 0)
        {
            removed += kept[0].Count;
            kept.RemoveAt(0);
            if (headTokens + kept.Sum(TokenEstimator.Estimate) <= targetTokens)
            {
                break;
            }
        }

        var result = new List<ChatMessage>(headMessages) { Marker(removed) };
        result.AddRange(kept.SelectMany(u => u));
        result.AddRange(tail);
        return new CompactionResult(result, removed + (previousMarker ? 1 : 0), before, TokenEstimator.Estimate(result));
    }

    public static bool IsMarker(ChatMessage message) => message.AuthorName == MarkerAuthor;

    private static ChatMessage Marker(int removed) => new(ChatRole.User,
        $"[CONTEXT COMPACTED] {removed} earlier messages of this conversation were removed to stay within the context window. " +
        "Your sessions are unaffected: use list_sessions, check_session and get_trajectory to recover any detail you need.")
    {
        AuthorName = MarkerAuthor,
    };

    /// <summary>
    /// Splits the messages after the head into exchanges: each starts at a message that carries no tool result;
    /// messages with tool results join the exchange before them (the one holding their calls).
    /// </summary>
    internal static List<List<ChatMessage>> Units(IReadOnlyList<ChatMessage> messages, int head)
    {
        var units = new List<List<ChatMessage>>();
        for (var i = head; i < messages.Count; i++)
        {
            var message = messages[i];
            var isResult = message.Contents.Any(c => c is FunctionResultContent);
            if (isResult && units.Count > 0)
            {
                units[^1].Add(message);
            }
            else
            {
                units.Add([message]);
            }
        }
        return units;
    }
}
