// `zwarm mcp install` against temp client config dirs: the entry names the absolute binary, is written once
// (a second install changes nothing), replaces an older zwarm entry and keeps everything else.
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Mcp.Install;
using Zwarm.Mcp.Tests.Support;

namespace Zwarm.Mcp.Tests.Install;

public sealed class McpInstallerTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("zwarm-mcp-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private McpInstallRequest Request(McpClientKind client, bool project = false) =>
        new(client, project, "/opt/zwarm/bin/zwarm-llm", ["mcp"], _home, Path.Combine(_home, "codex-home"), Path.Combine(_home, "project"));

    [Fact]
    public void Codex_gets_a_server_table_with_approval_and_timeout_once_and_other_tables_are_kept()
    {
        var config = Path.Combine(_home, "codex-home", "config.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "model = \"gpt-5\"\n\n[mcp_servers.zwarm]\ncommand = \"./zwarm\"\n\n[mcp_servers.zwarm.env]\nA = \"1\"\n\n[mcp_servers.other]\ncommand = \"x\"\n");

        var first = McpInstaller.Install(Request(McpClientKind.Codex), dryRun: false);
        var text = File.ReadAllText(config);
        var second = McpInstaller.Install(Request(McpClientKind.Codex), dryRun: false);

        Assert.Equal(config, first.Path);
        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(text, File.ReadAllText(config));
        Assert.Contains("model = \"gpt-5\"", text);
        Assert.Contains("[mcp_servers.other]", text);
        Assert.DoesNotContain("./zwarm", text);
        Assert.DoesNotContain("[mcp_servers.zwarm.env]", text);
        Assert.Contains("[mcp_servers.zwarm]\ncommand = \"/opt/zwarm/bin/zwarm-llm\"\nargs = [\"mcp\"]\ntool_timeout_sec = 120\ndefault_tools_approval_mode = \"approve\"\nenv_vars = [\"ZWARM_STATE_DIR\", ", text);
        Assert.Contains("\"ANTHROPIC_API_KEY\"", text);
        Assert.Single(text.Split('\n'), l => l == "[mcp_servers.zwarm]");
    }

    [Fact]
    public void Claude_user_scope_adds_to_claude_json_keeping_its_other_keys()
    {
        var path = Path.Combine(_home, ".claude.json");
        File.WriteAllText(path, """{"numStartups":3,"mcpServers":{"other":{"type":"stdio","command":"x"}}}""");

        var first = McpInstaller.Install(Request(McpClientKind.Claude), dryRun: false);
        var second = McpInstaller.Install(Request(McpClientKind.Claude), dryRun: false);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var servers = json.RootElement.GetProperty("mcpServers");
        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(3, json.RootElement.GetProperty("numStartups").GetInt32());
        Assert.Equal("x", servers.GetProperty("other").GetProperty("command").GetString());
        Assert.Equal("/opt/zwarm/bin/zwarm-llm", servers.GetProperty("zwarm").GetProperty("command").GetString());
        Assert.Equal(["mcp"], servers.GetProperty("zwarm").GetProperty("args").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Claude_user_scope_goes_into_claude_config_dir_when_it_is_set()
    {
        var configDir = Path.Combine(_home, "claude-config");
        var request = Request(McpClientKind.Claude) with { ClaudeConfigDir = configDir };

        var result = McpInstaller.Install(request, dryRun: false);

        Assert.Equal(Path.Combine(configDir, ".claude.json"), result.Path);
        Assert.True(File.Exists(result.Path));
        Assert.False(File.Exists(Path.Combine(_home, ".claude.json")));
    }

    [Fact]
    public void Project_scope_and_print_write_nothing_outside_the_project()
    {
        var printed = McpInstaller.Install(Request(McpClientKind.Claude, project: true), dryRun: true);
        var written = McpInstaller.Install(Request(McpClientKind.Claude, project: true), dryRun: false);

        Assert.Equal(Path.Combine(_home, "project", ".mcp.json"), written.Path);
        Assert.Contains("\"zwarm\"", printed.Snippet);
        Assert.True(File.Exists(written.Path));
        Assert.False(File.Exists(Path.Combine(_home, ".claude.json")));
    }

    [Fact]
    public async Task The_cli_registers_the_absolute_path_of_the_running_binary()
    {
        var start = new ProcessStartInfo(ZwarmBinary.Path) { ArgumentList = { "mcp", "install", "--codex" }, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["HOME"] = _home;
        start.Environment["CODEX_HOME"] = Path.Combine(_home, "codex-home");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestTimeout.After(60));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("registered zwarm", await stderr);
        var text = File.ReadAllText(Path.Combine(_home, "codex-home", "config.toml"));
        Assert.Contains($"command = \"{ZwarmBinary.Path}\"", text);
    }
}
