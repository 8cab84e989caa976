namespace Zwarm.Core.Health;

/// <summary>One agent CLI: where it was found and its version, or what is wrong and how to install it.</summary>
public sealed record AgentHealth(string Adapter, string Executable, string? Path, string? Version, string? Problem, string InstallHint);
