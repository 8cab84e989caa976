// The checkpoint rules on their own: a checkpoint per turn, :goto moves only the head (back and forth), the next
// turn drops what lies beyond the head, and a saved conversation restores its checkpoints and head.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Pilot;

namespace Zwarm.Orchestration.Tests.Pilot;

public sealed class PilotConversationTests
{
    private static PilotConversation Fresh() => new([new ChatMessage(ChatRole.System, "prompt")]);

    private static Checkpoint Turn(PilotConversation conversation, string user, string answer)
    {
        var (live, _) = conversation.BeginTurn();
        live.Add(new ChatMessage(ChatRole.User, user));
        live.Add(new ChatMessage(ChatRole.Assistant, answer));
        return conversation.EndTurn(new Checkpoint { Turn = 0, Messages = 0, Message = user });
    }

    [Fact]
    public void Each_turn_ends_in_the_next_checkpoint_with_the_message_count_then()
    {
        var c = Fresh();

        var t1 = Turn(c, "one", "a1");
        var t2 = Turn(c, "two", "a2");

        Assert.Equal(("T1", 3), (t1.Label, t1.Messages));
        Assert.Equal(("T2", 5), (t2.Label, t2.Messages));
        Assert.Equal(2, c.Head);
        Assert.Equal(5, c.Messages.Count);
    }

    [Fact]
    public void Goto_moves_the_head_back_and_forth_without_losing_anything_until_the_next_turn()
    {
        var c = Fresh();
        Turn(c, "one", "a1");
        Turn(c, "two", "a2");
        Turn(c, "three", "a3");

        c.Goto(1);
        Assert.Equal(["prompt", "one", "a1"], c.Messages.Select(m => m.Text));
        Assert.Equal(7, c.AllMessages.Count);
        c.Goto(3);
        Assert.Equal(7, c.Messages.Count);
        c.Goto(0);
        Assert.Equal(["prompt"], c.Messages.Select(m => m.Text));

        c.Goto(1);
        var (live, dropped) = c.BeginTurn();

        Assert.Equal(2, dropped);
        Assert.Equal(["prompt", "one", "a1"], live.Select(m => m.Text));
        live.Add(new ChatMessage(ChatRole.User, "other"));
        live.Add(new ChatMessage(ChatRole.Assistant, "b2"));
        var t2 = c.EndTurn(new Checkpoint { Turn = 0, Messages = 0 });
        Assert.Equal(("T2", 5), (t2.Label, t2.Messages));
        Assert.Equal([1, 2], c.Checkpoints.Select(k => k.Turn));
        Assert.DoesNotContain(c.AllMessages, m => m.Text is "two" or "three");
    }

    [Fact]
    public void Goto_an_unknown_checkpoint_is_a_usage_error_naming_those_there_are()
    {
        var c = Fresh();
        Turn(c, "one", "a1");

        var e = Assert.Throws<ZwarmException>(() => c.Goto(9));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal("no checkpoint T9 (there are: T0, T1)", e.Message);
        Assert.Equal(1, c.Head);
    }

    [Fact]
    public void An_abandoned_turn_leaves_the_conversation_at_its_head()
    {
        var c = Fresh();
        Turn(c, "one", "a1");
        var (live, _) = c.BeginTurn();
        live.Add(new ChatMessage(ChatRole.User, "lost"));

        c.AbandonTurn();

        Assert.Equal(3, c.AllMessages.Count);
        Assert.Equal(1, c.Latest);
    }

    [Fact]
    public void A_saved_conversation_restores_checkpoints_and_head_and_ignores_ones_it_cannot_reach()
    {
        var c = Fresh();
        Turn(c, "one", "a1");
        Turn(c, "two", "a2");
        c.Goto(1);
        var saved = c.AllMessages.ToList();
        var checkpoints = c.Checkpoints.Append(new Checkpoint { Turn = 3, Messages = 99 }).ToList();

        var restored = new PilotConversation(saved, checkpoints, c.Head);
        var noHead = new PilotConversation(saved.ToList(), checkpoints, head: 7);

        Assert.Equal(1, restored.Head);
        Assert.Equal(2, restored.Latest);
        Assert.Equal(3, restored.Messages.Count);
        Assert.Equal(2, noHead.Head);
    }

    [Fact]
    public void Entries_label_each_piece_with_its_turn_and_show_tool_calls_and_results()
    {
        var c = Fresh();
        var (live, _) = c.BeginTurn();
        live.Add(new ChatMessage(ChatRole.User, "delegate it"));
        live.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "delegate", new Dictionary<string, object?> { ["task"] = "x" })]));
        live.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", """{"session_id":"abc"}""")]));
        live.Add(new ChatMessage(ChatRole.Assistant, "started abc"));
        c.EndTurn(new Checkpoint { Turn = 0, Messages = 0 });
        Turn(c, "thanks", "welcome");

        var entries = c.Entries();

        Assert.Equal(
            [(1, EntryKind.User), (1, EntryKind.ToolCall), (1, EntryKind.ToolResult), (1, EntryKind.Assistant), (2, EntryKind.User), (2, EntryKind.Assistant)],
            entries.Select(e => (e.Turn, e.Kind)));
        Assert.Equal("delegate", entries[1].Name);
        Assert.Equal("""{"task":"x"}""", entries[1].Text);
        Assert.Contains("abc", entries[2].Text);
    }

    [Theory]
    [InlineData("T3", 3)]
    [InlineData("t12", 12)]
    [InlineData("0", 0)]
    [InlineData("T", null)]
    [InlineData("T-1", null)]
    [InlineData("three", null)]
    public void Checkpoint_labels_parse(string text, int? expected) => Assert.Equal(expected, Checkpoint.ParseLabel(text));
}
