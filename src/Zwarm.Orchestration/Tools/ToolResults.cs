// What each tool returns to the model, as JSON (snake_case through ToolJsonContext). One file for the family: these
// records are the tools' wire format, read together when changing what the model sees.
using Zwarm.Core.Events;

namespace Zwarm.Orchestration.Tools;

internal sealed record ToolErrorResult(string Error, string? Hint = null);

internal sealed record DelegateResult(string SessionId, string Status, string Adapter, string? Model, string WorkingDir,
    string Sandbox, int RunningSessions, int MaxRunningSessions, string Next);

internal sealed record ConverseResult(string SessionId, int Turn, string Status, string Next);

public sealed record TokenCounts(long Input, long CachedInput, long Output);

public sealed record TurnSummary(int Turn, string Status, int? ExitCode, string? Error, string Prompt);

public sealed record SessionReport
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public string Adapter { get; init; } = "";
    public string? Model { get; init; }
    public string Task { get; init; } = "";
    public string WorkingDir { get; init; } = "";
    public string? Sandbox { get; init; }
    public int Turns { get; init; }
    /// <summary>The full final reply of the latest turn (null while it runs).</summary>
    public string? LastReply { get; init; }
    /// <summary>While running: what the agent is doing now.</summary>
    public string? Activity { get; init; }
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
    public TokenCounts Tokens { get; init; } = new(0, 0, 0);
    public decimal? CostUsd { get; init; }
    /// <summary>Commands the agent ran in the latest turn.</summary>
    public int Commands { get; init; }
    /// <summary>Paths the agent changed in the latest turn (add/update/delete).</summary>
    public IReadOnlyList<string> FilesChanged { get; init; } = [];
    /// <summary>An isolated session's diff stat against its base, as of its latest checkpoint (null otherwise).</summary>
    public WorkspaceStat? Workspace { get; init; }
    public string? Source { get; init; }
    public string UpdatedAt { get; init; } = "";
    public IReadOnlyList<TurnSummary> TurnHistory { get; init; } = [];
}

/// <summary>check_session's view of an isolated session: its branch and lines/files changed against its base.</summary>
public sealed record WorkspaceStat(string Branch, int Added, int Removed, int Files);

internal sealed record PeekResult(string Id, string Status, int Turn, string? Preview, string? Activity, string? Error, string Updated);

internal sealed record TrajectoryResult(string Id, string Status, int Turns, IReadOnlyList<TrajectoryStep> Steps, int OmittedSteps,
    bool Full);

public sealed record SessionRow(string Id, string Status, string Adapter, int Turns, string Task, string? LastReplyPreview,
    long InputTokens, long OutputTokens, decimal? CostUsd, bool NeedsAttention, string? Attention, string? Source);

internal sealed record ListResult(IReadOnlyList<SessionRow> Sessions, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> NeedsAttention, string Scope, int MaxRunningSessions);

internal sealed record EndResult(string Id, string Status, string Outcome, bool Deleted, string? Reason);

internal sealed record DiffFileResult(string Path, string Status, int Added, int Removed, string? Patch);

internal sealed record DiffSessionResult(string Id, string Branch, string Base, bool IncludesUncommitted, int Added, int Removed,
    IReadOnlyList<DiffFileResult> Files, string? Note);

internal sealed record MergeSessionResult(string Id, string Branch, string Into, string Strategy, string Before, string After, bool AlreadyMerged);

internal sealed record DiscardResult(string Id, string Status, string? Branch, int Added, int Removed);

public sealed record WaitReport(bool TimedOut, double WaitedSeconds, string Mode, IReadOnlyList<SessionRow> Sessions,
    IReadOnlyList<string> Stopped, IReadOnlyList<string> StillRunning, string? Next);

internal sealed record SleepResult(double SleptSeconds, int Running, int Stopped, IReadOnlyList<string> NeedsAttention);

internal sealed record BashResult(int? ExitCode, string Stdout, string Stderr, bool TimedOut, double DurationSeconds, bool Truncated);

internal sealed record ExitResult(bool Ok, string Summary, IReadOnlyList<string> StillRunning);
