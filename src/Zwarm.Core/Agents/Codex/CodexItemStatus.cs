namespace Zwarm.Core.Agents.Codex;

/// <summary>The "status" of a Codex thread item.</summary>
internal enum CodexItemStatus
{
    Missing,
    Other,
    InProgress,
    Completed,
    Failed,
    Declined,
}
