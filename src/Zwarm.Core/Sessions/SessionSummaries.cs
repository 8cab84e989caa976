namespace Zwarm.Core.Sessions;

public static class SessionSummaries
{
    /// <summary>How much of the latest reply a summary keeps (list_sessions, the dashboard's board).</summary>
    public const int ReplyPreviewLength = 200;

    /// <summary>
    /// The `ls` row of a session. Where the session has tokens but no recorded cost (written by the Python zwarm),
    /// <paramref name="prices"/> gives an estimate from its model.
    /// </summary>
    public static SessionSummary From(SessionMeta meta, Events.PriceTable? prices = null)
    {
        var usage = meta.TokenUsage;
        var turn = meta.CurrentTurn;
        return new SessionSummary
        {
            Id = meta.Id,
            Status = meta.Status,
            Adapter = meta.Adapter,
            Model = meta.Model,
            Turns = meta.Turn,
            Task = meta.Task,
            Source = meta.Source,
            WorkingDir = meta.WorkingDir,
            CreatedAt = meta.CreatedAt,
            UpdatedAt = meta.UpdatedAt,
            InputTokens = usage.GetValueOrDefault("input_tokens"),
            CachedInputTokens = usage.GetValueOrDefault("cached_input_tokens"),
            OutputTokens = usage.GetValueOrDefault("output_tokens"),
            CostUsd = meta.CostUsd ?? EstimateCost(meta, prices),
            ExitCode = meta.ExitCode,
            Error = meta.Error,
            Pid = turn?.Pid ?? meta.Pid,
            Branch = meta.Workspace?.Branch,
            LinesAdded = meta.Workspace?.Added,
            LinesRemoved = meta.Workspace?.Removed,
            FilesChanged = meta.Workspace?.FilesChanged,
            Group = meta.Group,
            LastReply = meta.Status.IsStopped() ? Preview(LastReply(meta)) : null,
        };
    }

    /// <summary>The latest turn's last reply as recorded in meta.json (no turn file is read); null after a new prompt.</summary>
    public static string? LastReply(SessionMeta meta)
    {
        for (var i = meta.Messages.Count - 1; i >= 0; i--)
        {
            var m = meta.Messages[i];
            if (m.Role == "user")
            {
                return null;
            }
            if (m.Role == "assistant" && !string.IsNullOrWhiteSpace(m.Content))
            {
                return m.Content;
            }
        }
        return null;
    }

    private static string? Preview(string? reply)
    {
        if (reply is null)
        {
            return null;
        }
        var line = reply.ReplaceLineEndings(" ");
        return line.Length <= ReplyPreviewLength ? line : line[..ReplyPreviewLength] + "…";
    }

    private static decimal? EstimateCost(SessionMeta meta, Events.PriceTable? prices)
    {
        if (prices is null || meta.Turns.Count > 0 || meta.TokenUsage.Count == 0)
        {
            return null;
        }
        var u = meta.TokenUsage;
        var usage = new Events.TokenUsage(u.GetValueOrDefault("input_tokens"), u.GetValueOrDefault("cached_input_tokens"),
            u.GetValueOrDefault("cache_write_input_tokens"), u.GetValueOrDefault("output_tokens"), u.GetValueOrDefault("reasoning_output_tokens"));
        return prices.Cost(meta.Model, usage);
    }
}
