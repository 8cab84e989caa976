// `zwarm doctor` on the MCP clients: whether Claude Code and Codex start zwarm as an MCP server, read from their own
// config files (in a temp home) — after `zwarm mcp install`, in Claude Code's per-project entries, with a command
// that no longer exists, and with files that do not parse or carry control characters.
using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class DoctorMcpTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _home = Directory.CreateTempSubdirectory("zwarm-doctor-home-").FullName;

    public DoctorMcpTests()
    {
        _cli.Environment["HOME"] = _home;
        _cli.Environment["CODEX_HOME"] = Path.Combine(_home, "codex");
        _cli.Environment["CLAUDE_CONFIG_DIR"] = null;
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private async Task<Dictionary<string, JsonElement>> McpAsync()
    {
        var result = await _cli.RunAsync("doctor", "--json");
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("mcp_clients").EnumerateArray()
            .ToDictionary(c => c.GetProperty("client").GetString()!, c => c.Clone());
    }

    [Fact]
    public async Task Nothing_registered_names_the_user_configs_and_the_install_command()
    {
        var mcp = await McpAsync();
        var text = (await _cli.RunAsync("doctor")).Out;

        Assert.False(mcp["claude"].GetProperty("registered").GetBoolean());
        Assert.Equal(Path.Combine(_home, ".claude.json"), mcp["claude"].GetProperty("config_file").GetString());
        Assert.False(mcp["codex"].GetProperty("registered").GetBoolean());
        Assert.Equal(Path.Combine(_home, "codex", "config.toml"), mcp["codex"].GetProperty("config_file").GetString());
        Assert.Contains("Claude Code does not use zwarm (zwarm mcp install --claude registers it", text);
        Assert.Contains("Codex does not use zwarm (zwarm mcp install --codex registers it", text);
    }

    [Fact]
    public async Task After_mcp_install_both_clients_are_reported_with_the_command_they_start()
    {
        Assert.Equal(0, (await _cli.RunAsync("mcp", "install", "--claude")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("mcp", "install", "--codex")).ExitCode);

        var mcp = await McpAsync();

        foreach (var client in new[] { "claude", "codex" })
        {
            Assert.True(mcp[client].GetProperty("registered").GetBoolean(), mcp[client].ToString());
            Assert.Equal(JsonValueKind.Null, mcp[client].GetProperty("problem").ValueKind);
            Assert.True(File.Exists(mcp[client].GetProperty("command").GetString()));
        }
        Assert.Equal(Path.Combine(_home, "codex", "config.toml"), mcp["codex"].GetProperty("config_file").GetString());
    }

    [Fact]
    public async Task Claude_config_dir_and_a_local_scope_entry_count_and_a_missing_command_is_named()
    {
        var configDir = Directory.CreateDirectory(Path.Combine(_home, "claude-dir")).FullName;
        _cli.Environment["CLAUDE_CONFIG_DIR"] = configDir;
        var entry = new Dictionary<string, object> { ["mcpServers"] = new Dictionary<string, object> { ["zwarm"] = new Dictionary<string, string> { ["command"] = "/nowhere/zwarm" } } };
        File.WriteAllText(Path.Combine(configDir, ".claude.json"),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["projects"] = new Dictionary<string, object> { [_cli.WorkDir] = entry } }));

        var claude = (await McpAsync())["claude"];

        Assert.True(claude.GetProperty("registered").GetBoolean());
        Assert.Equal(Path.Combine(configDir, ".claude.json"), claude.GetProperty("config_file").GetString());
        Assert.Equal("/nowhere/zwarm", claude.GetProperty("command").GetString());
        Assert.Contains("does not exist", claude.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Broken_or_hostile_client_configs_are_reported_not_fatal_and_shown_safely()
    {
        File.WriteAllText(Path.Combine(_home, ".claude.json"), "{ not json");
        Directory.CreateDirectory(Path.Combine(_home, "codex"));
        File.WriteAllText(Path.Combine(_home, "codex", "config.toml"), "[mcp_servers.zwarm]\ncommand = \"/tmp/\\u001b]0;pwned\\u0007zwarm\"\n");

        var result = await _cli.RunAsync("doctor");
        var mcp = await McpAsync();

        Assert.Contains("is not valid JSON", mcp["claude"].GetProperty("problem").GetString());
        Assert.False(mcp["claude"].GetProperty("registered").GetBoolean());
        Assert.True(mcp["codex"].GetProperty("registered").GetBoolean());
        Assert.Contains("does not exist", mcp["codex"].GetProperty("problem").GetString());
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.Contains("pwned", result.Out);
    }
}
