namespace Zwarm.Core.Health;

/// <summary>
/// Whether an MCP client (claude, codex) has zwarm registered: the config file it was found in (or the user config
/// looked at), the command it starts, and what is wrong with it (unreadable file, a command that does not exist).
/// </summary>
public sealed record McpClientHealth(string Client, bool Registered, string ConfigFile, string? Command, string? Problem);
