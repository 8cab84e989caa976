namespace Zwarm.Orchestration.Pilot;

public enum EntryKind
{
    User,
    Assistant,
    ToolCall,
    ToolResult,
}

/// <summary>One readable piece of the pilot's conversation (for `:history`): who said what, in which turn.</summary>
/// <param name="Name">The tool's name, for a tool call.</param>
public sealed record ConversationEntry(int Turn, EntryKind Kind, string Text, string? Name = null);
