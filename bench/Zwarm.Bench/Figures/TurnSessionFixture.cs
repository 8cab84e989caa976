using Zwarm.Core.Sessions;

namespace Zwarm.Bench.Figures;

/// <summary>A finished codex session in a temp store whose only turn file is a copy of a given JSONL file.</summary>
internal static class TurnSessionFixture
{
    public static string Create(string stateDirectory, string turnFile)
    {
        var store = new SessionStore(stateDirectory);
        var now = "2026-01-01T00:00:00.000000";
        var meta = new SessionMeta
        {
            Id = SessionId.New(),
            Task = $"benchmark: {Path.GetFileName(turnFile)}",
            Status = SessionStatus.Completed,
            WorkingDir = stateDirectory,
            CreatedAt = now,
            UpdatedAt = now,
            Adapter = "codex",
            Turn = 1,
            Turns = [new TurnInfo { Turn = 1, Prompt = "benchmark", Status = SessionStatus.Completed, StartedAt = now, EndedAt = now, ExitCode = 0 }],
        };
        store.Create(meta);
        File.Copy(turnFile, store.TurnPath(meta.Id, 1), overwrite: true);
        return meta.Id;
    }
}
