namespace Zwarm.Core.Sessions;

/// <summary>What `spawn` / `delegate` asks for. Null fields take the config defaults.</summary>
public sealed record StartRequest(
    string Task,
    string? Adapter = null,
    string? Model = null,
    string? WorkingDirectory = null,
    string? Sandbox = null,
    string Source = "user");
