namespace Zwarm.Core.Agents.Codex;

/// <summary>The "type" of a Codex thread item (codex-rs exec_events.rs ThreadItemDetails).</summary>
internal enum CodexItemType
{
    Missing,
    Unknown,
    AgentMessage,
    Plan,
    Reasoning,
    CommandExecution,
    FileChange,
    McpToolCall,
    CollabToolCall,
    WebSearch,
    TodoList,
    Error,
}
