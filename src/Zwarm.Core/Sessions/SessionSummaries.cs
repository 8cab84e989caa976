namespace Zwarm.Core.Sessions;

public static class SessionSummaries
{
    /// <summary>The `ls` row of a session.</summary>
    public static SessionSummary From(SessionMeta meta)
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
            CostUsd = meta.CostUsd,
            ExitCode = meta.ExitCode,
            Error = meta.Error,
            Pid = turn?.Pid ?? meta.Pid,
        };
    }
}
