using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Sessions;

internal static class MetaFactory
{
    public static SessionMeta Completed(string? id = null, string task = "do it", string created = "2026-11-20T10:00:00.000000") => new()
    {
        Id = id ?? SessionId.New(),
        Task = task,
        Status = SessionStatus.Completed,
        WorkingDir = "/tmp",
        CreatedAt = created,
        UpdatedAt = created,
        Model = "gpt-5.1-codex-mini",
        Turn = 1,
        Messages = [new SessionMessage { Role = "user", Content = task, Timestamp = created }],
        TokenUsage = new Dictionary<string, long> { ["input_tokens"] = 100, ["output_tokens"] = 20 },
        Adapter = "codex",
    };
}
