// `zwarm mcp install`: registers zwarm in an MCP client's own config file, idempotently (an existing zwarm entry is
// replaced, everything else kept byte for byte where possible). Written directly rather than through `claude mcp
// add` / `codex mcp add`, which are not guaranteed to work offline or without a login.
//   Claude Code: user scope -> "mcpServers" of ~/.claude.json ($CLAUDE_CONFIG_DIR/.claude.json when that is set,
//                as Claude Code itself reads it); project scope -> <project>/.mcp.json (paths: McpClientConfigs).
//   Codex: [mcp_servers.zwarm] in $CODEX_HOME/config.toml (default ~/.codex), with tool_timeout_sec above the
//          server's wait cap and default_tools_approval_mode = "approve" (Codex runs non-interactively otherwise
//          refuses: "MCP tool call requires approval"), and env_vars passing zwarm's and the agents' variables
//          through (Codex gives a stdio server a minimal environment; see CodexPassThrough).
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zwarm.Core.Health;

namespace Zwarm.Mcp.Install;

public static class McpInstaller
{
    public const string ServerName = McpClientConfigs.ServerName;

    /// <summary>Codex cuts a tool call off after tool_timeout_sec (60 s by default); one wait is capped at 50 s.</summary>
    public const int CodexToolTimeoutSeconds = 120;

    /// <summary>
    /// Codex starts a stdio server with only HOME, PATH, USER, SHELL, LANG, TERM, TMPDIR and a few more, and the
    /// sessions zwarm starts inherit the server's environment: without these (env_vars passes each through when it is
    /// set) `ZWARM_STATE_DIR` is ignored and a delegated Claude Code or Codex loses its key, endpoint and config folder.
    /// </summary>
    public static readonly IReadOnlyList<string> CodexPassThrough =
    [
        "ZWARM_STATE_DIR", "ZWARM_LLM_BIN", "ZWARM_AGENTS_DIR", "ZWARM_CODEX_BIN", "ZWARM_CLAUDE_BIN",
        "OPENAI_API_KEY", "OPENAI_BASE_URL", "CODEX_API_KEY", "CODEX_HOME",
        "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "CLAUDE_CONFIG_DIR",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_TELEMETRY", "DISABLE_AUTOUPDATER", "DISABLE_ERROR_REPORTING",
    ];

    public static string ConfigPath(McpInstallRequest request) => request.Client switch
    {
        McpClientKind.Claude => request.ProjectScope
            ? McpClientConfigs.ClaudeProject(request.ProjectDirectory)
            : McpClientConfigs.ClaudeUser(request.Home, request.ClaudeConfigDir),
        _ => request.ProjectScope
            ? McpClientConfigs.CodexProject(request.ProjectDirectory)
            : McpClientConfigs.CodexUser(request.Home, request.CodexHome),
    };

    /// <summary>Writes (or with <paramref name="dryRun"/> only computes) the registration.</summary>
    public static McpInstallResult Install(McpInstallRequest request, bool dryRun)
    {
        var path = ConfigPath(request);
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        var (updated, snippet) = request.Client == McpClientKind.Claude
            ? UpdateClaude(existing, request)
            : UpdateCodex(existing, request);
        var changed = updated != existing;
        if (changed && !dryRun)
        {
            Replace(path, updated);
        }
        return new McpInstallResult(path, snippet, changed);
    }

    /// <summary>Temp file + rename, keeping the mode of the file it replaces (it belongs to the user, not the store).</summary>
    private static void Replace(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".zwarm-tmp";
        File.WriteAllText(temp, text);
        if (File.Exists(path) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        }
        File.Move(temp, path, overwrite: true);
    }

    private static (string Text, string Snippet) UpdateClaude(string? existing, McpInstallRequest request)
    {
        JsonObject root;
        try
        {
            root = string.IsNullOrWhiteSpace(existing) ? new JsonObject() : JsonNode.Parse(existing)?.AsObject() ?? new JsonObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new Zwarm.Core.ZwarmException(Zwarm.Core.ErrorKind.Config, $"{ConfigPath(request)} is not a JSON object ({e.Message}); fix it or add zwarm by hand");
        }
        var entry = new JsonObject
        {
            ["type"] = "stdio",
            ["command"] = request.Command,
            ["args"] = new JsonArray([.. request.Arguments.Select(a => (JsonNode?)JsonValue.Create(a))]),
        };
        if (root["mcpServers"] is not JsonObject servers)
        {
            servers = new JsonObject();
            root["mcpServers"] = servers;
        }
        var snippet = Write(new JsonObject { ["mcpServers"] = new JsonObject { [ServerName] = entry.DeepClone() } });
        if (servers[ServerName] is { } current && JsonNode.DeepEquals(current, entry))
        {
            return (existing!, snippet);
        }
        servers[ServerName] = entry;
        return (Write(root), snippet);
    }

    private static string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            node.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static (string Text, string Snippet) UpdateCodex(string? existing, McpInstallRequest request)
    {
        var snippet =
            $"[mcp_servers.{ServerName}]\n" +
            $"command = {Toml(request.Command)}\n" +
            $"args = [{string.Join(", ", request.Arguments.Select(Toml))}]\n" +
            $"tool_timeout_sec = {CodexToolTimeoutSeconds}\n" +
            "default_tools_approval_mode = \"approve\"\n" +
            $"env_vars = [{string.Join(", ", CodexPassThrough.Select(Toml))}]\n";
        // Drop an earlier [mcp_servers.zwarm] table (and its sub-tables) wherever it is, then append ours.
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in (existing ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('['))
            {
                var header = trimmed.Replace("\"", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
                skipping = header == $"[mcp_servers.{ServerName}]" || header.StartsWith($"[mcp_servers.{ServerName}.", StringComparison.Ordinal);
            }
            if (!skipping)
            {
                kept.Add(line);
            }
        }
        var body = string.Join("\n", kept).TrimEnd();
        var text = (body.Length > 0 ? body + "\n\n" : "") + snippet;
        return (existing is not null && existing.ReplaceLineEndings("\n") == text ? existing : text, snippet);
    }

    private static string Toml(string value)
    {
        var escaped = new StringBuilder("\"");
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return escaped.Append('"').ToString();
    }
}
