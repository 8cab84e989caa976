// Where the MCP clients zwarm knows keep their server lists: one definition for `zwarm mcp install` (which writes
// them) and `zwarm doctor` (which reads them). Claude Code: user scope in .claude.json (in $CLAUDE_CONFIG_DIR when
// set, as Claude Code itself resolves it, else the home), with per-project "local" entries under projects.<dir>;
// project scope in <project>/.mcp.json. Codex: $CODEX_HOME/config.toml (default ~/.codex), and a project's
// .codex/config.toml.
namespace Zwarm.Core.Health;

public static class McpClientConfigs
{
    /// <summary>The name zwarm registers itself under.</summary>
    public const string ServerName = "zwarm";

    public static string ClaudeUser(string home, string? claudeConfigDir) =>
        Path.Combine(claudeConfigDir is { Length: > 0 } dir ? dir : home, ".claude.json");

    public static string ClaudeProject(string projectDirectory) => Path.Combine(projectDirectory, ".mcp.json");

    public static string CodexUser(string home, string? codexHome) =>
        Path.Combine(codexHome is { Length: > 0 } dir ? dir : Path.Combine(home, ".codex"), "config.toml");

    public static string CodexProject(string projectDirectory) => Path.Combine(projectDirectory, ".codex", "config.toml");

    /// <summary>The user's home as zwarm sees it: $HOME of the given environment, else the OS's.</summary>
    public static string Home(IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
