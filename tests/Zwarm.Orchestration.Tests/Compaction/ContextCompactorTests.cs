using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Compaction;

namespace Zwarm.Orchestration.Tests.Compaction;

public sealed class ContextCompactorTests
{
    private static readonly string Big = new('x', 4000);

    /// <summary>system, task, then <paramref name="exchanges"/> of (assistant with N calls, tool results, user nudge).</summary>
    private static List<ChatMessage> Conversation(int exchanges, int callsPerStep = 2)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, "system"), new(ChatRole.User, "task") };
        for (var i = 0; i < exchanges; i++)
        {
            var calls = Enumerable.Range(0, callsPerStep)
                .Select(c => new FunctionCallContent($"call_{i}_{c}", "check_session", new Dictionary<string, object?> { ["id"] = $"s{i}" }))
                .ToList();
            messages.Add(new ChatMessage(ChatRole.Assistant, [new TextContent($"step {i}"), .. calls]));
            messages.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select(c => (AIContent)new FunctionResultContent(c.CallId, Big))]));
            if (i % 3 == 0)
            {
                messages.Add(new ChatMessage(ChatRole.User, $"[WATCHER: progress] nudge {i}"));
            }
        }
        return messages;
    }

    private static void AssertPaired(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            foreach (var result in messages[i].Contents.OfType<FunctionResultContent>())
            {
                // The call is in an earlier message, and only tool results sit between them.
                var at = i - 1;
                while (at >= 0 && messages[at].Contents.Any(c => c is FunctionResultContent))
                {
                    at--;
                }
                Assert.True(at >= 0 && messages[at].Contents.OfType<FunctionCallContent>().Any(c => c.CallId == result.CallId),
                    $"result {result.CallId} lost its call");
            }
            foreach (var call in messages[i].Contents.OfType<FunctionCallContent>())
            {
                Assert.Contains(messages.Skip(i + 1).SelectMany(m => m.Contents).OfType<FunctionResultContent>(), r => r.CallId == call.CallId);
            }
        }
    }

    [Fact]
    public void Under_the_threshold_nothing_changes()
    {
        var compactor = new ContextCompactor(new CompactionSettings { ContextWindow = 1_000_000 });

        Assert.Null(compactor.Compact(Conversation(10), protectedHead: 2));
    }

    [Fact]
    public void Over_the_threshold_keeps_head_and_tail_drops_the_middle_and_keeps_calls_with_results()
    {
        var messages = Conversation(30);
        var compactor = new ContextCompactor(new CompactionSettings { ContextWindow = 40_000, Threshold = 0.5, Target = 0.5, KeepLast = 5 });

        var result = compactor.Compact(messages, protectedHead: 2);

        Assert.NotNull(result);
        var kept = result.Messages;
        Assert.Equal("system", kept[0].Text);
        Assert.Equal("task", kept[1].Text);
        Assert.True(ContextCompactor.IsMarker(kept[2]));
        Assert.Contains($"{result.RemovedMessages} earlier messages", kept[2].Text);
        Assert.Equal(messages.Count - result.RemovedMessages + 1, kept.Count);
        Assert.True(result.TokensAfter <= 10_000, $"{result.TokensAfter} tokens left");
        Assert.True(result.TokensBefore > 20_000);
        // The last messages are the original last messages.
        Assert.Equal(messages.TakeLast(5).Select(m => m.Text), kept.TakeLast(5).Select(m => m.Text));
        AssertPaired(kept);
    }

    [Fact]
    public void The_kept_tail_never_starts_with_a_result_separated_from_its_call()
    {
        // keep_last = 1 would point at a tool-result message: its call must come along.
        var messages = Conversation(20, callsPerStep: 3);
        var compactor = new ContextCompactor(new CompactionSettings { ContextWindow = 10_000, Threshold = 0.5, KeepLast = 1 });

        var result = compactor.Compact(messages, protectedHead: 2);

        Assert.NotNull(result);
        AssertPaired(result.Messages);
        Assert.Contains(result.Messages, m => m.Contents.OfType<FunctionCallContent>().Any(c => c.CallId == "call_19_2"));
    }

    [Fact]
    public void A_second_compaction_replaces_the_first_marker()
    {
        var compactor = new ContextCompactor(new CompactionSettings { ContextWindow = 40_000, Threshold = 0.5, KeepLast = 4 });
        var once = compactor.Compact(Conversation(30), 2)!.Messages.ToList();
        once.AddRange(Conversation(30).Skip(2));

        var twice = compactor.Compact(once, 2)!;

        Assert.Single(twice.Messages, ContextCompactor.IsMarker);
        Assert.True(ContextCompactor.IsMarker(twice.Messages[2]));
        AssertPaired(twice.Messages);
    }

    [Fact]
    public void Reported_input_tokens_trigger_compaction_even_when_the_estimate_is_low()
    {
        var compactor = new ContextCompactor(new CompactionSettings { ContextWindow = 1_000_000, KeepLast = 2 });
        var messages = Conversation(10);

        Assert.Null(compactor.Compact(messages, 2, reportedInputTokens: 10));
        Assert.NotNull(compactor.Compact(messages, 2, reportedInputTokens: 900_000));
    }

    [Fact]
    public void Disabled_compaction_never_compacts()
    {
        var compactor = new ContextCompactor(new CompactionSettings { Enabled = false, ContextWindow = 1_000 });

        Assert.Null(compactor.Compact(Conversation(30), 2));
    }
}
