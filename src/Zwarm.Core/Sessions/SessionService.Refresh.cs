// Deriving a session's status from facts and persisting it: the exit record the supervisor wrote, whether the
// supervisor (pid + start time + boot id) is still alive, a kill request, and the turn's own stream.
using System.Text.Json;
using Zwarm.Core.Events;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>A session still pending after this long without a process never started (its spawner died).</summary>
    private static readonly TimeSpan PendingTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Brings a session's status up to date (taking its lock only when something must change).</summary>
    public async Task<SessionMeta> RefreshAsync(SessionMeta meta, CancellationToken cancellationToken)
    {
        if (meta.Status.IsStopped() || !NeedsFinalizing(meta))
        {
            return meta;
        }
        using var _ = await Store.LockAsync(meta.Id, cancellationToken).ConfigureAwait(false);
        var current = Store.Load(meta.Id) ?? meta;
        return RefreshLocked(current);
    }

    /// <summary>True when the current turn of a non-stopped session has ended (or never started).</summary>
    private bool NeedsFinalizing(SessionMeta meta)
    {
        var turn = meta.CurrentTurn;
        if (turn is null)
        {
            return !IsLegacyAlive(meta);
        }
        if (File.Exists(Store.ExitPath(meta.Id, meta.Turn)))
        {
            return true;
        }
        if (turn.Pid is { } pid)
        {
            return !ProcessInfo.IsAlive(pid, turn.PidStart, turn.BootId);
        }
        return IsPendingTooLong(meta);
    }

    /// <summary>Derives and persists the status. Caller holds the session lock.</summary>
    internal SessionMeta RefreshLocked(SessionMeta meta)
    {
        if (meta.Status.IsStopped() || !NeedsFinalizing(meta))
        {
            return meta;
        }
        var updated = meta.CurrentTurn is null ? FinalizeLegacy(meta) : FinalizeTurn(meta);
        if (!ReferenceEquals(updated, meta))
        {
            Store.Write(updated);
        }
        return updated;
    }

    private SessionMeta FinalizeTurn(SessionMeta meta)
    {
        var turn = meta.CurrentTurn!;
        var exit = ReadExitRecord(meta.Id, meta.Turn);
        if (exit is null && turn.Pid is null && !IsPendingTooLong(meta))
        {
            return meta;
        }

        var digest = DigestTurn(meta, meta.Turn);
        var now = Timestamps.Now(Time);
        SessionStatus status;
        string? error;
        string? signal = exit is null ? null : Signals.FromExitCode(exit.ExitCode);

        if (turn.KillRequestedAt is not null)
        {
            status = SessionStatus.Killed;
            error = "killed by user";
        }
        else if (exit is null)
        {
            status = SessionStatus.Failed;
            error = turn.Pid is null
                ? "the turn never started (the zwarm process that spawned it stopped first)"
                : "the turn's processes ended without recording an exit status (killed from outside?)";
        }
        else if (exit.ExitCode != 0)
        {
            status = SessionStatus.Failed;
            var detail = digest.FailureMessage ?? digest.LastError ?? StderrTail(meta.Id, meta.Turn);
            var how = signal is null ? $"exit code {exit.ExitCode}" : $"{signal}, exit code {exit.ExitCode}";
            error = detail is null ? $"the agent exited with {how}" : $"{detail} ({how})";
        }
        else if (digest.Failed)
        {
            status = SessionStatus.Failed;
            error = digest.FailureMessage ?? "the agent reported a failed turn";
        }
        else if (!digest.Completed)
        {
            status = SessionStatus.Failed;
            error = digest.LastError ?? "the agent exited without completing the turn";
        }
        else
        {
            status = SessionStatus.Completed;
            error = null;
        }

        // Usage: store this turn's own numbers; Codex reports thread-cumulative usage, so subtract the previous
        // reading. Cost: the agent's own cumulative figure where given (Claude), else the price table.
        var previous = meta.Turns.Count >= 2 ? meta.Turns[^2] : null;
        TokenUsage? reported = digest.Usage;
        var delta = reported is null
            ? TokenUsage.Zero
            : digest.UsageIsCumulative && previous?.ReportedUsage is { } prev ? reported - prev.ToTokenUsage() : reported;
        var model = FirstNonEmpty(turn.Model, meta.Model, digest.Model);
        decimal? cost;
        if (digest.ReportedCostUsd is { } agentCost)
        {
            cost = previous?.ReportedCostUsd is { } prevCost && agentCost >= prevCost ? agentCost - prevCost : agentCost;
        }
        else
        {
            cost = model is null ? null : Prices.Cost(model, delta);
        }

        var finishedTurn = turn with
        {
            Status = status,
            EndedAt = exit?.EndedAt ?? now,
            ExitCode = exit?.ExitCode,
            Signal = signal,
            Error = error,
            Usage = TurnUsage.From(delta),
            ReportedUsage = reported is null ? previous?.ReportedUsage : TurnUsage.From(reported),
            CostUsd = cost,
            ReportedCostUsd = digest.ReportedCostUsd ?? previous?.ReportedCostUsd,
            MalformedLines = digest.MalformedLines,
            Model = model,
        };
        var turns = meta.Turns.ToList();
        turns[^1] = finishedTurn;

        var total = turns.Aggregate(TokenUsage.Zero, (sum, t) => sum + (t.Usage?.ToTokenUsage() ?? TokenUsage.Zero));
        var costs = turns.Where(t => t.CostUsd is not null).Select(t => t.CostUsd!.Value).ToList();
        var messages = meta.Messages.ToList();
        foreach (var text in digest.Messages)
        {
            messages.Add(new SessionMessage
            {
                Role = "assistant",
                Content = text,
                Timestamp = now,
                Metadata = new Dictionary<string, JsonElement>
                {
                    ["turn"] = JsonSerializer.SerializeToElement(meta.Turn, SessionJsonContext.Store.Int32),
                },
            });
        }

        var finished = meta with
        {
            Status = status,
            ExitCode = exit?.ExitCode,
            Error = error,
            UpdatedAt = now,
            Model = string.IsNullOrEmpty(meta.Model) ? digest.Model ?? "" : meta.Model,
            ResumeId = meta.ResumeId ?? digest.ResumeId,
            Turns = turns,
            Messages = messages,
            TokenUsage = UsageDictionary(total),
            CostUsd = costs.Count == 0 ? null : costs.Sum(),
        };
        // helper/iso: turn-end hooks (the per-turn checkpoint commit), before meta.json is written.
        foreach (var hook in _turnEndHooks)
        {
            finished = hook.OnTurnEnded(finished, CancellationToken.None);
        }
        return finished;
    }

    // A session written by the Python zwarm: no exit record, no start time. It is alive while its pid runs an
    // agent CLI; afterwards its status comes from the turn file alone.
    private SessionMeta FinalizeLegacy(SessionMeta meta)
    {
        if (!Agents.TryGet(meta.Adapter, out _))
        {
            return meta;
        }
        var digest = DigestTurn(meta, meta.Turn);
        var failed = digest.Failed || !digest.Completed;
        var total = digest.Usage ?? TokenUsage.Zero;
        return meta with
        {
            Status = failed ? SessionStatus.Failed : SessionStatus.Completed,
            Error = failed ? digest.FailureMessage ?? digest.LastError ?? "the agent exited without completing the turn" : null,
            UpdatedAt = Timestamps.Now(Time),
            TokenUsage = digest.Usage is null ? meta.TokenUsage : UsageDictionary(total),
            ResumeId = meta.ResumeId ?? digest.ResumeId,
        };
    }

    private static bool IsLegacyAlive(SessionMeta meta)
    {
        if (meta.Pid is not { } pid || !ProcessInfo.IsAlive(pid, null, null))
        {
            return false;
        }
        var cmd = ProcessInfo.TryGetCommandLine(pid) ?? "";
        return cmd.Contains("codex", StringComparison.Ordinal) || cmd.Contains("claude", StringComparison.Ordinal);
    }

    private bool IsPendingTooLong(SessionMeta meta)
    {
        var updated = Timestamps.Parse(meta.UpdatedAt);
        return updated is null || Time.GetUtcNow() - updated.Value > PendingTimeout;
    }

    private ExitRecord? ReadExitRecord(string id, int turn)
    {
        try
        {
            var bytes = File.ReadAllBytes(Store.ExitPath(id, turn));
            return JsonSerializer.Deserialize(bytes, SessionJsonContext.Store.ExitRecord);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private string? StderrTail(string id, int turn)
    {
        try
        {
            var path = Store.StderrPath(id, turn);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0)
            {
                return null;
            }
            using var stream = info.OpenRead();
            stream.Seek(Math.Max(0, info.Length - 2048), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length == 0 ? null : lines[^1];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static Dictionary<string, long> UsageDictionary(TokenUsage usage) => new()
    {
        ["input_tokens"] = usage.InputTokens,
        ["cached_input_tokens"] = usage.CachedInputTokens,
        ["cache_write_input_tokens"] = usage.CacheWriteInputTokens,
        ["output_tokens"] = usage.OutputTokens,
        ["reasoning_output_tokens"] = usage.ReasoningOutputTokens,
        ["total_tokens"] = usage.TotalTokens,
    };
}
