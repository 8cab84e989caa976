// The closed, normalized event family every agent stream is parsed into. Adapters translate their CLI's JSONL
// (Codex `exec --json`, Claude Code `stream-json`) into these records; everything above the adapters
// (show, traj, status derivation, the orchestrator's tools) only ever sees these.
namespace Zwarm.Core.Events;

/// <summary>Base of the normalized agent event family.</summary>
public abstract record AgentEvent;

/// <summary>The agent announced its native conversation id (Codex thread_id, Claude session_id).</summary>
internal sealed record ConversationStarted(string ResumeId, string? Model = null, string? WorkingDirectory = null) : AgentEvent;

/// <summary>Text the agent said to the user.</summary>
internal sealed record AssistantMessage(string Text) : AgentEvent;

/// <summary>Reasoning / thinking text.</summary>
public sealed record Reasoning(string Text) : AgentEvent;

/// <summary>A shell command started (no result yet).</summary>
public sealed record CommandStarted(string Id, string Command) : AgentEvent;

/// <summary>A shell command finished, with its output and exit code (null when unknown).</summary>
public sealed record CommandExecuted(string Id, string Command, string Output, int? ExitCode) : AgentEvent;

/// <summary>Files added, updated or deleted by the agent.</summary>
public sealed record FileChanged(string Id, IReadOnlyList<FileChange> Changes, bool Succeeded) : AgentEvent;

/// <summary>One changed path; Kind is add | update | delete.</summary>
public sealed record FileChange(string Path, string Kind);

/// <summary>A call of a tool other than a shell command (MCP tools, web search, Claude's Read/Grep/..., etc.).</summary>
public sealed record ToolCall(string Id, string Name, string Input) : AgentEvent;

/// <summary>The result of a <see cref="ToolCall"/>.</summary>
public sealed record ToolResult(string Id, string Name, string Output, bool IsError) : AgentEvent;

/// <summary>
/// Token usage reported by the agent. <paramref name="Cumulative"/> is true when the numbers cover the whole
/// conversation so far (Codex's turn.completed), false when they cover this invocation only (Claude's result).
/// <paramref name="CostUsd"/> is the agent's own price of these tokens where it gives one per step (opencode's
/// step_finish cost); per-invocation reports add up to the turn's cost.
/// </summary>
internal sealed record UsageReported(TokenUsage Usage, bool Cumulative, decimal? CostUsd = null) : AgentEvent;

/// <summary>
/// An error the agent reported. Not every error is fatal (Codex "Reconnecting..." retries); <paramref name="IsWarning"/>
/// marks one the adapter knows to be harmless (Codex "Model metadata for 'X' not found"): shown as a warning, never
/// recorded as the turn's error.
/// </summary>
internal sealed record ErrorReported(string Message, bool IsWarning = false) : AgentEvent;

/// <summary>A tool call the agent wanted but was not allowed to make.</summary>
internal sealed record PermissionDenied(string ToolName, string Message) : AgentEvent;

/// <summary>The turn ended successfully. CostUsd is the agent's own cumulative cost figure where it gives one.</summary>
internal sealed record TurnCompleted(string? Result, decimal? CostUsd = null) : AgentEvent;

/// <summary>The turn failed (Codex turn.failed, Claude result with is_error).</summary>
internal sealed record TurnFailed(string Message, decimal? CostUsd = null) : AgentEvent;

/// <summary>An event type this version does not know; kept so nothing is lost.</summary>
internal sealed record UnknownEvent(string Type, string Raw) : AgentEvent;
