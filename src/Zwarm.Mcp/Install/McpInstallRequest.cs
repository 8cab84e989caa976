namespace Zwarm.Mcp.Install;

/// <summary>
/// What to register: <paramref name="Command"/> is the absolute path of the binary the client will start (never a
/// relative ./zwarm, which may rebuild and time the client out), <paramref name="Arguments"/> follow it.
/// <paramref name="Home"/> is the user's home, <paramref name="CodexHome"/> $CODEX_HOME if set, and
/// <paramref name="ProjectDirectory"/> where project-scoped config goes.
/// <see cref="ClaudeConfigDir"/> is $CLAUDE_CONFIG_DIR if set: Claude Code then keeps its user config
/// (.claude.json) there instead of in the home directory.
/// </summary>
public sealed record McpInstallRequest(
    McpClientKind Client,
    bool ProjectScope,
    string Command,
    IReadOnlyList<string> Arguments,
    string Home,
    string? CodexHome,
    string ProjectDirectory)
{
    public string? ClaudeConfigDir { get; init; }
}
