// A saved conversation must never hold a tool call without its result (every provider rejects that). Normally each
// step is saved whole; this mends what a crash or an older file may have left: unanswered calls get an
// "interrupted" result right after their exchange.
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Loop;

internal static class ConversationRepair
{
    /// <summary>Adds results for unanswered calls; returns how many were added.</summary>
    public static int CloseDanglingCalls(List<ChatMessage> messages)
    {
        var answered = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId)
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var missing = messages[i].Contents.OfType<FunctionCallContent>().Where(c => !answered.Contains(c.CallId)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            // After the results that do exist for this exchange.
            var at = i + 1;
            while (at < messages.Count && messages[at].Contents.Any(c => c is FunctionResultContent))
            {
                at++;
            }
            messages.Insert(at, new ChatMessage(ChatRole.Tool,
                [.. missing.Select(c => (AIContent)new FunctionResultContent(c.CallId, ChatEngine.InterruptedResult))]));
            foreach (var c in missing)
            {
                answered.Add(c.CallId);
            }
            added += missing.Count;
        }
        return added;
    }

    /// <summary>Step records rebuilt from a saved conversation (for watchers after a resume).</summary>
    public static List<StepRecord> RebuildHistory(IReadOnlyList<ChatMessage> messages)
    {
        var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .GroupBy(r => r.CallId).ToDictionary(g => g.Key, g => Instances.MessageCodec.ResultText(g.Last().Result), StringComparer.Ordinal);
        var history = new List<StepRecord>();
        foreach (var message in messages.Where(m => m.Role == ChatRole.Assistant))
        {
            var calls = message.Contents.OfType<FunctionCallContent>()
                .Select(c =>
                {
                    var result = results.GetValueOrDefault(c.CallId, ChatEngine.InterruptedResult);
                    return new ToolCallRecord(c.Name, Instances.MessageCodec.ArgumentsJson(c.Arguments), result,
                        result.StartsWith("{\"error\"", StringComparison.Ordinal));
                })
                .ToList();
            // Unique fingerprints: the sessions' states at those steps are unknown, so no stall is inferred from them.
            history.Add(new StepRecord(history.Count + 1, message.Text, calls, $"resumed-{history.Count}"));
        }
        return history;
    }
}
