// The pilot's conversation with its checkpoints, apart from any model or file so the rules can be tested alone:
// every turn ends in a checkpoint T<n> (the message count then); `:goto T<n>` only moves the head, so going back and
// forth loses nothing until the next turn starts, which drops the checkpoints and messages beyond the head.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Pilot;

public sealed class PilotConversation
{
    /// <summary>Messages before the first turn: the system prompt (checkpoint T0).</summary>
    public const int BaseMessages = 1;

    private readonly List<ChatMessage> _messages;
    private readonly List<Checkpoint> _checkpoints;

    /// <param name="messages">Every saved message (possibly beyond the head, after a `:goto`); starts with the system prompt.</param>
    public PilotConversation(List<ChatMessage> messages, IEnumerable<Checkpoint>? checkpoints = null, int? head = null)
    {
        _messages = messages;
        _checkpoints = [.. (checkpoints ?? []).Where(c => c.Turn > 0 && c.Messages <= messages.Count).OrderBy(c => c.Turn)];
        Head = head is { } h && (h == 0 || _checkpoints.Any(c => c.Turn == h)) ? h : Latest;
    }

    /// <summary>The checkpoint the conversation stands at (0: the start).</summary>
    public int Head { get; private set; }

    /// <summary>The last checkpoint taken (0 before the first turn).</summary>
    public int Latest => _checkpoints.Count > 0 ? _checkpoints[^1].Turn : 0;

    public IReadOnlyList<Checkpoint> Checkpoints => _checkpoints;

    /// <summary>Every kept message, including those beyond the head (what is saved).</summary>
    public IReadOnlyList<ChatMessage> AllMessages => _messages;

    /// <summary>The conversation as the model will see it: the messages up to the head.</summary>
    public IReadOnlyList<ChatMessage> Messages => _messages.Take(HeadMessages).ToList();

    /// <summary>Message count at the head.</summary>
    public int HeadMessages => Head == 0 ? Math.Min(BaseMessages, _messages.Count) : Find(Head)!.Messages;

    public Checkpoint? Find(int turn) => _checkpoints.FirstOrDefault(c => c.Turn == turn);

    /// <summary>
    /// Moves the head to checkpoint <paramref name="turn"/> (earlier or, until the next turn, later). Throws a usage
    /// error naming the checkpoints there are when there is no such checkpoint.
    /// </summary>
    public void Goto(int turn)
    {
        if (turn != 0 && Find(turn) is null)
        {
            var known = string.Join(", ", _checkpoints.Select(c => c.Label).Prepend("T0"));
            throw new ZwarmException(ErrorKind.Usage, $"no checkpoint {Checkpoint.LabelOf(turn)} (there are: {known})");
        }
        Head = turn;
    }

    /// <summary>
    /// Starts the next turn: drops the checkpoints and messages beyond the head, and returns the live message list
    /// the engine appends to, plus how many checkpoints were dropped.
    /// </summary>
    public (List<ChatMessage> Live, int Dropped) BeginTurn()
    {
        var dropped = _checkpoints.RemoveAll(c => c.Turn > Head);
        var keep = HeadMessages;
        if (_messages.Count > keep)
        {
            _messages.RemoveRange(keep, _messages.Count - keep);
        }
        return (_messages, dropped);
    }

    /// <summary>The turn <see cref="BeginTurn"/> opened added nothing worth keeping: cut back to the head.</summary>
    public void AbandonTurn()
    {
        var keep = HeadMessages;
        if (_messages.Count > keep)
        {
            _messages.RemoveRange(keep, _messages.Count - keep);
        }
    }

    /// <summary>Records the checkpoint at the end of a turn and moves the head to it.</summary>
    public Checkpoint EndTurn(Checkpoint template)
    {
        var checkpoint = template with { Turn = Head + 1, Messages = _messages.Count };
        _checkpoints.RemoveAll(c => c.Turn >= checkpoint.Turn);
        _checkpoints.Add(checkpoint);
        Head = checkpoint.Turn;
        return checkpoint;
    }

    /// <summary>
    /// After compaction replaced the messages up to the head: the earlier checkpoints no longer match any message
    /// count, so only T0 and the head stay reachable. Returns how many checkpoints became unreachable.
    /// </summary>
    public int Compacted(IReadOnlyList<ChatMessage> compacted)
    {
        var head = Find(Head);
        _messages.Clear();
        _messages.AddRange(compacted);
        var before = _checkpoints.Count;
        _checkpoints.Clear();
        if (head is not null)
        {
            _checkpoints.Add(head with { Messages = _messages.Count });
        }
        return before - _checkpoints.Count;
    }

    /// <summary>The conversation up to the head as readable entries (for `:history`), each with its turn.</summary>
    public IReadOnlyList<ConversationEntry> Entries()
    {
        var entries = new List<ConversationEntry>();
        var messages = Messages;
        for (var i = BaseMessages; i < messages.Count; i++)
        {
            var turn = TurnOf(i);
            var message = messages[i];
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } text when message.Role == ChatRole.User:
                        entries.Add(new ConversationEntry(turn, EntryKind.User, text.Text));
                        break;
                    case TextContent { Text.Length: > 0 } text when message.Role == ChatRole.Assistant:
                        entries.Add(new ConversationEntry(turn, EntryKind.Assistant, text.Text));
                        break;
                    case FunctionCallContent call:
                        entries.Add(new ConversationEntry(turn, EntryKind.ToolCall, MessageCodec.ArgumentsJson(call.Arguments), call.Name));
                        break;
                    case FunctionResultContent result:
                        entries.Add(new ConversationEntry(turn, EntryKind.ToolResult, MessageCodec.ResultText(result.Result)));
                        break;
                }
            }
        }
        return entries;
    }

    /// <summary>The turn message <paramref name="index"/> belongs to (1-based; the turn that ends at or after it).</summary>
    private int TurnOf(int index)
    {
        foreach (var c in _checkpoints)
        {
            if (index < c.Messages)
            {
                return c.Turn;
            }
        }
        return Latest + 1;
    }
}
