namespace Zwarm.Core.Sessions;

/// <summary>What `spawn` / `delegate` asks for. Null fields take the config defaults.</summary>
public sealed record StartRequest(
    string Task,
    string? Adapter = null,
    string? Model = null,
    string? WorkingDirectory = null,
    string? Sandbox = null,
    string Source = "user",
    // ---- isolation (spawn --worktree) ----
    Config.IsolationMode? Isolation = null,
    string? Branch = null,
    string? Base = null,
    bool Carry = false,
    // ---- best of N (spawn --attempts): the group the session is an attempt of ----
    string? Group = null);
