// The doctor's MCP lines: is zwarm registered in Claude Code's and Codex's own config files? The files belong to
// the user and to other programs, so they are untrusted input: read with a size cap, parsed only (never executed),
// and a file that does not parse is reported, not fatal. What is shown of them (the command) is a plain string.
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;
using Zwarm.Core.Config;

namespace Zwarm.Core.Health;

internal static class McpRegistrationCheck
{
    /// <summary>~/.claude.json grows with history; anything larger than this is not read.</summary>
    private const long MaxBytes = 32 * 1024 * 1024;

    public static IReadOnlyList<McpClientHealth> Run(IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var home = McpClientConfigs.Home(environment);
        return
        [
            Claude(McpClientConfigs.ClaudeUser(home, environment.GetValueOrDefault("CLAUDE_CONFIG_DIR")), McpClientConfigs.ClaudeProject(workingDirectory), workingDirectory),
            Codex(McpClientConfigs.CodexUser(home, environment.GetValueOrDefault("CODEX_HOME")), McpClientConfigs.CodexProject(workingDirectory)),
        ];
    }

    private static McpClientHealth Claude(string userFile, string projectFile, string workingDirectory)
    {
        string? problem = null;
        foreach (var file in new[] { projectFile, userFile })
        {
            switch (Read(file))
            {
                case (null, null):
                    continue;
                case (_, { } error):
                    problem ??= error;
                    continue;
                case ({ } text, _):
                    try
                    {
                        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                        var root = json.RootElement;
                        // `claude mcp add` defaults to the "local" scope: projects.<dir>.mcpServers of .claude.json.
                        var entry = Entry(root)
                            ?? (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("projects", out var projects) && projects.ValueKind == JsonValueKind.Object
                                && projects.TryGetProperty(workingDirectory, out var project) ? Entry(project) : null);
                        if (entry is { } found)
                        {
                            return Registered("claude", file, found.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()
                                : found.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null);
                        }
                    }
                    catch (JsonException e)
                    {
                        problem ??= $"{file} is not valid JSON ({e.Message})";
                    }
                    continue;
            }
        }
        return new McpClientHealth("claude", false, userFile, null, problem);
    }

    private static JsonElement? Entry(JsonElement scope) =>
        scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("mcpServers", out var servers) && servers.ValueKind == JsonValueKind.Object
            && servers.TryGetProperty(McpClientConfigs.ServerName, out var entry) && entry.ValueKind == JsonValueKind.Object
            ? entry
            : null;

    private static McpClientHealth Codex(string userFile, string projectFile)
    {
        string? problem = null;
        foreach (var file in new[] { projectFile, userFile })
        {
            switch (Read(file))
            {
                case (null, null):
                    continue;
                case (_, { } error):
                    problem ??= error;
                    continue;
                case ({ } text, _):
                    try
                    {
                        var table = TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable);
                        if (table?.TryGetValue("mcp_servers", out var servers) == true && servers is TomlTable all
                            && all.TryGetValue(McpClientConfigs.ServerName, out var entry) && entry is TomlTable zwarm)
                        {
                            return Registered("codex", file, zwarm.TryGetValue("command", out var c) && c is string command ? command
                                : zwarm.TryGetValue("url", out var u) && u is string url ? url : null);
                        }
                    }
                    catch (TomlException e)
                    {
                        problem ??= $"{file} is not valid TOML (line {e.Line})";
                    }
                    continue;
            }
        }
        return new McpClientHealth("codex", false, userFile, null, problem);
    }

    private static McpClientHealth Registered(string client, string file, string? command)
    {
        var problem = command switch
        {
            null => "the zwarm entry names no command",
            _ when command.StartsWith("http", StringComparison.OrdinalIgnoreCase) => null,
            _ when !Path.IsPathFullyQualified(command) => $"the command '{command}' is not an absolute path (a client may not find it, or start a stale build)",
            _ when !File.Exists(command) => $"the command {command} does not exist (run `zwarm mcp install` again)",
            _ => null,
        };
        return new McpClientHealth(client, true, file, command, problem);
    }

    /// <summary>The file's text; (null, null) when it does not exist; (null, why) when it cannot be read.</summary>
    private static (string? Text, string? Problem) Read(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return (null, null);
            }
            return info.Length > MaxBytes ? (null, $"{file} is larger than {MaxBytes / 1024 / 1024} MB; not read") : (File.ReadAllText(file), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {file} ({e.Message})");
        }
    }
}
