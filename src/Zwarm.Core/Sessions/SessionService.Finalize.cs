// Recording the end of a turn: the verdict (TurnRules, from the exit record, the kill request, the stream and whether
// the turn ever had a process), this turn's usage and cost, the agent's messages, then the end-of-turn hooks (e.g.
// isolation's checkpoint commit), all under the session lock and before meta.json is written.
using System.Text.Json;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions.Finalizing;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    private SessionMeta FinalizeTurn(SessionMeta meta, TurnLook look, CancellationToken cancellationToken)
    {
        var turn = meta.CurrentTurn!;
        var exit = ReadExitRecord(meta.Id, meta.Turn);
        var digest = DigestTurn(meta, meta.Turn);
        var now = Timestamps.Now(Time);
        var verdict = TurnRules.Judge(new TurnEndFacts
        {
            KillRequested = turn.KillRequestedAt is not null,
            Exit = exit,
            Started = look.Handle is not null,
            StreamCompleted = digest.Completed,
            StreamFailed = digest.Failed,
            FailureMessage = digest.FailureMessage,
            LastError = digest.LastError,
            StderrTail = exit.Record is { ExitCode: not 0 and var code }
                ? DescribeExit(meta, code, FirstErrorLine.Read(Store.StderrPath(meta.Id, meta.Turn)))
                : null,
        });

        // Usage: store this turn's own numbers; Codex reports thread-cumulative usage, so subtract the previous
        // reading. Cost: the agent's own figure where given (Claude's is cumulative, opencode's per step), else the price table.
        var previous = meta.Turns.Count >= 2 ? meta.Turns[^2] : null;
        TokenUsage? reported = digest.Usage;
        var delta = reported is null
            ? TokenUsage.Zero
            : digest.UsageIsCumulative && previous?.ReportedUsage is { } prev ? reported - prev.ToTokenUsage() : reported;
        var model = FirstNonEmpty(turn.Model, meta.Model, digest.Model);
        decimal? cost;
        if (digest is { ReportedCostUsd: { } turnCost, ReportedCostIsPerTurn: true })
        {
            cost = turnCost;
        }
        else if (digest.ReportedCostUsd is { } agentCost)
        {
            cost = previous?.ReportedCostUsd is { } prevCost && agentCost >= prevCost ? agentCost - prevCost : agentCost;
        }
        else
        {
            cost = model is null ? null : Prices.Cost(model, delta);
        }

        var finishedTurn = turn with
        {
            Status = verdict.Status,
            EndedAt = exit.Record?.EndedAt is { Length: > 0 } endedAt ? endedAt : now,
            ExitCode = verdict.ExitCode,
            Signal = verdict.Signal,
            Error = verdict.Error,
            Pid = turn.Pid ?? look.Handle?.ProcessGroup,
            Usage = TurnUsage.From(delta),
            ReportedUsage = reported is null ? previous?.ReportedUsage : TurnUsage.From(reported),
            CostUsd = cost,
            ReportedCostUsd = digest.ReportedCostIsPerTurn ? previous?.ReportedCostUsd : digest.ReportedCostUsd ?? previous?.ReportedCostUsd,
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

        var final = meta with
        {
            Status = verdict.Status,
            ExitCode = verdict.ExitCode,
            Error = verdict.Error,
            UpdatedAt = now,
            Model = string.IsNullOrEmpty(meta.Model) ? digest.Model ?? "" : meta.Model,
            ResumeId = meta.ResumeId ?? digest.ResumeId,
            Turns = turns,
            Messages = messages,
            TokenUsage = UsageDictionary(total),
            CostUsd = costs.Count == 0 ? null : costs.Sum(),
        };
        foreach (var hook in _turnEndHooks)
        {
            final = hook.OnTurnEnded(final, cancellationToken);
        }
        return final;
    }

    // The adapter's reading of a nonzero exit (documented exit codes), else the stderr line as it is.
    private string? DescribeExit(SessionMeta meta, int exitCode, string? stderrLine) =>
        Agents.TryGet(meta.Adapter, out var adapter) ? adapter.DescribeExit(exitCode, stderrLine) : stderrLine;

    /// <summary>
    /// The exit record: turn_N.exit.json, else the supervisor's reserved .tmp if it holds a record (the rename failed).
    /// A record begun but empty or invalid is Unreadable; the untouched reservation (spaces only) is Missing.
    /// </summary>
    private ExitRecordRead ReadExitRecord(string id, int turn)
    {
        var path = Store.ExitPath(id, turn);
        if (TryReadBytes(path) is { } bytes)
        {
            return Parse(bytes);
        }
        if (TryReadBytes(path + ".tmp") is { } reserved)
        {
            return reserved.Length > 0 && reserved.All(b => b is (byte)' ' or (byte)'\n') ? ExitRecordRead.Missing : Parse(reserved);
        }
        return ExitRecordRead.Missing;

        static ExitRecordRead Parse(byte[] bytes)
        {
            try
            {
                return JsonSerializer.Deserialize(bytes, SessionJsonContext.Store.ExitRecord) is { } record
                    ? ExitRecordRead.Valid(record)
                    : ExitRecordRead.Unreadable;
            }
            catch (JsonException)
            {
                return ExitRecordRead.Unreadable;
            }
        }
    }

    /// <summary>The first 4 KiB of a regular file (never a FIFO or device planted in the store), or null.</summary>
    internal static byte[]? TryReadBytes(string path)
    {
        try
        {
            return StoreFiles.ReadRegular(path, 4096);
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
