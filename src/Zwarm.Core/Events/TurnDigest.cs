// The facts of one turn that the session service and `peek` need, folded from its events by TurnDigestBuilder.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Events;

public sealed record TurnDigest
{
    public static readonly TurnDigest Empty = new();

    /// <summary>The CLI's native conversation id, for the next turn's resume.</summary>
    public string? ResumeId { get; init; }

    /// <summary>The model the agent reported using, if it did (Claude's system/init does; Codex does not).</summary>
    public string? Model { get; init; }

    /// <summary>Everything the agent said to the user, in order.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The final answer: the last assistant message, else the turn result text.</summary>
    public string? LastMessage => Messages.Count > 0 ? Messages[^1] : Result;

    /// <summary>Token usage as reported (the last cumulative report, or the sum of per-invocation ones).</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>True when <see cref="Usage"/> covers the whole conversation (Codex), false when only this turn (Claude).</summary>
    public bool UsageIsCumulative { get; init; }

    /// <summary>The agent's own cost figure (Claude's total_cost_usd, cumulative over the session after a resume).</summary>
    public decimal? ReportedCostUsd { get; init; }

    /// <summary>
    /// <see cref="ReportedCostUsd"/> is this turn's own cost (opencode's step costs summed), not a figure cumulative
    /// over the session that the previous turn's reading must be subtracted from.
    /// </summary>
    public bool ReportedCostIsPerTurn { get; init; }

    /// <summary>A TurnCompleted event was seen.</summary>
    public bool Completed { get; init; }

    /// <summary>The result text of the TurnCompleted event, if any.</summary>
    public string? Result { get; init; }

    /// <summary>A TurnFailed event was seen.</summary>
    public bool Failed { get; init; }

    /// <summary>The message of the last TurnFailed event.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>The last ErrorReported message (not fatal by itself: Codex retries report errors too).</summary>
    public string? LastError { get; init; }

    /// <summary>Shell commands that finished (CommandExecuted).</summary>
    public int Commands { get; init; }

    /// <summary>Paths changed by successful file changes (a file edited twice counts twice).</summary>
    public int FileChanges { get; init; }

    /// <summary>Calls of tools other than the shell (ToolCall).</summary>
    public int ToolCalls { get; init; }

    public int PermissionDenials { get; init; }

    /// <summary>Events of types this version does not know.</summary>
    public int UnknownEvents { get; init; }

    /// <summary>Lines of the turn file that were skipped: not JSON, truncated, of an unexpected shape, or oversized.</summary>
    public int MalformedLines { get; init; }

    /// <summary>The turn ended well: completed, and no failure reported.</summary>
    public bool Succeeded => Completed && !Failed;

    public static TurnDigest From(IEnumerable<AgentEvent> events)
    {
        var builder = new TurnDigestBuilder();
        builder.AddRange(events);
        return builder.Build();
    }

    /// <summary>Reads a turn file through <paramref name="parser"/>; a missing file gives <see cref="Empty"/>.</summary>
    public static TurnDigest FromFile(string path, IAgentStreamParser parser)
    {
        var stats = new ParseStats();
        var builder = new TurnDigestBuilder();
        builder.AddRange(TurnFileReader.ReadEvents(path, parser, stats));
        return builder.Build(stats.MalformedLines + stats.OversizedLines);
    }
}
