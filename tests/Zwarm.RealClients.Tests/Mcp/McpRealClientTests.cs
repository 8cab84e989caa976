// The real Claude Code and Codex CLI as MCP clients of zwarm, end to end: `zwarm mcp install` registers zwarm in the
// client's own config (a temp one), the client starts `zwarm mcp` from it, and its scripted model delegates a task to
// the other CLI, waits, checks and lists. The delegated session is an ordinary session in the store afterwards, its
// work is on disk, and the tool results reached the client's model. Claude Code also connects by URL to
// `zwarm mcp --http` with the bearer token, and so does Codex (its token from an environment variable).
using System.Text.Json.Nodes;
using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Mcp;

[Trait("Category", "RealClient")]
[Collection(Lanes.Alone)]
public sealed class McpRealClientTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(300);

    [Fact]
    public async Task Claude_code_delegates_a_codex_session_through_zwarm_mcp()
    {
        await using var world = await ZwarmWorld.StartAsync(McpClientScript.Create("codex", "from claude"), [Agent.Claude, Agent.Codex], _timeout);
        var install = await world.RunAsync("mcp", "install", "--claude");
        Assert.True(install.ExitCode == 0, install.Describe());

        // Full tool schemas instead of ToolSearch, and zwarm's tools allowed (print mode cannot ask).
        var run = await AgentCliRun.RunAsync(world.Executables[Agent.Claude],
            ["-p", McpClientScript.ClientPrompt, "--output-format", "stream-json", "--verbose", "--allowedTools", "mcp__zwarm"],
            world.WorkDir, world.Environment, ClientEnvironment(world, ("ENABLE_TOOL_SEARCH", "false")), _timeout);

        await AssertClaudeDelegatedAsync(world, run, "from claude");
    }

    [Fact]
    public async Task Claude_code_delegates_through_zwarm_mcp_over_http_with_the_token()
    {
        await using var world = await ZwarmWorld.StartAsync(McpClientScript.Create("codex", "over http"), [Agent.Claude, Agent.Codex], _timeout);
        using var server = world.Start("mcp", "--http");
        Assert.True(await server.WaitForErrorAsync(e => e.Contains("/mcp;", StringComparison.Ordinal), _timeout), server.Err);
        var url = System.Text.RegularExpressions.Regex.Match(server.Err, @"http://127\.0\.0\.1:\d+/mcp").Value;
        var token = File.ReadAllText(Path.Combine(world.StateDir, "mcp-http.token")).Trim();
        var config = new JsonObject
        {
            ["mcpServers"] = new JsonObject
            {
                ["zwarm"] = new JsonObject { ["type"] = "http", ["url"] = url, ["headers"] = new JsonObject { ["Authorization"] = $"Bearer {token}" } },
            },
        }.ToJsonString();

        var run = await AgentCliRun.RunAsync(world.Executables[Agent.Claude],
            ["-p", McpClientScript.ClientPrompt, "--output-format", "stream-json", "--verbose", "--allowedTools", "mcp__zwarm",
                "--strict-mcp-config", "--mcp-config", config],
            world.WorkDir, world.Environment, ClientEnvironment(world, ("ENABLE_TOOL_SEARCH", "false")), _timeout);

        await AssertClaudeDelegatedAsync(world, run, "over http");
        Assert.DoesNotContain(token, server.Err);
    }

    private static async Task AssertClaudeDelegatedAsync(ZwarmWorld world, AgentCliRun run, string content)
    {
        Assert.True(run.ExitCode == 0, run.Describe());
        var result = Assert.Single(run.Events, e => (string?)e["type"] == "result");
        Assert.False((bool)result["is_error"]!, run.Describe());
        Assert.Empty(result["permission_denials"]!.AsArray());
        var used = run.Events.Where(e => (string?)e["type"] == "assistant")
            .SelectMany(e => e["message"]!["content"]!.AsArray()).Where(b => (string?)b!["type"] == "tool_use").Select(b => (string?)b!["name"]);
        Assert.Equal(["mcp__zwarm__delegate", "mcp__zwarm__wait_for_sessions", "mcp__zwarm__check_session", "mcp__zwarm__list_sessions"], used);
        await AssertDelegatedAsync(world, (string)result["result"]!, Agent.Codex, content, "mcp:claude");
    }

    [Fact]
    public async Task Codex_delegates_a_claude_code_session_through_zwarm_mcp()
    {
        await using var world = await ZwarmWorld.StartAsync(McpClientScript.Create("claude_code", "from codex"), [Agent.Codex, Agent.Claude], _timeout);
        var install = await world.RunAsync("mcp", "install", "--codex");
        Assert.True(install.ExitCode == 0, install.Describe());

        var run = await AgentCliRun.RunAsync(world.Executables[Agent.Codex],
            ["exec", "--json", "--skip-git-repo-check", "-m", "zwarm-scripted", "--", McpClientScript.ClientPrompt],
            world.WorkDir, world.Environment, ClientEnvironment(world), _timeout);

        Assert.True(run.ExitCode == 0, run.Describe());
        var calls = run.Events.Where(e => (string?)e["type"] == "item.completed" && (string?)e["item"]!["type"] == "mcp_tool_call")
            .Select(e => e["item"]!).ToList();
        Assert.True(calls.Select(c => (string?)c["tool"]).SequenceEqual(["delegate", "wait_for_sessions", "check_session", "list_sessions"]), run.Describe()
            + string.Join("\n", world.Server.ModelCalls.Select(c => c.CallNumber + ": " + string.Join(",", c.ToolNames) + " " + (c.Body.Length > 3000 ? c.Body[..3000] : c.Body))));
        Assert.All(calls, c => Assert.Equal("zwarm", (string?)c["server"]));
        Assert.True(calls.All(c => (string?)c["status"] == "completed"), run.Describe());
        var reply = run.Events.Last(e => (string?)e["type"] == "item.completed" && (string?)e["item"]!["type"] == "agent_message");
        await AssertDelegatedAsync(world, (string)reply["item"]!["text"]!, Agent.Claude, "from codex", "mcp:codex");
    }

    [Fact]
    public async Task Codex_delegates_through_zwarm_mcp_over_http_with_the_token()
    {
        await using var world = await ZwarmWorld.StartAsync(McpClientScript.Create("claude_code", "codex over http"), [Agent.Codex, Agent.Claude], _timeout);
        using var server = world.Start("mcp", "--http");
        Assert.True(await server.WaitForErrorAsync(e => e.Contains("/mcp;", StringComparison.Ordinal), _timeout), server.Err);
        var url = System.Text.RegularExpressions.Regex.Match(server.Err, @"http://127\.0\.0\.1:\d+/mcp").Value;
        var token = File.ReadAllText(Path.Combine(world.StateDir, "mcp-http.token")).Trim();

        // Codex's own streamable-HTTP client: the URL, the token read from a variable, approval and timeout as
        // `mcp install --codex` writes them for stdio.
        var run = await AgentCliRun.RunAsync(world.Executables[Agent.Codex],
            ["exec", "--json", "--skip-git-repo-check", "-m", "zwarm-scripted",
                "-c", $"mcp_servers.zwarm.url=\"{url}\"",
                "-c", "mcp_servers.zwarm.bearer_token_env_var=\"ZWARM_TEST_MCP_TOKEN\"",
                "-c", "mcp_servers.zwarm.default_tools_approval_mode=\"approve\"",
                "-c", "mcp_servers.zwarm.tool_timeout_sec=120",
                "--", McpClientScript.ClientPrompt],
            world.WorkDir, world.Environment, ClientEnvironment(world, ("ZWARM_TEST_MCP_TOKEN", token)), _timeout);

        Assert.True(run.ExitCode == 0, run.Describe());
        var calls = run.Events.Where(e => (string?)e["type"] == "item.completed" && (string?)e["item"]!["type"] == "mcp_tool_call")
            .Select(e => e["item"]!).ToList();
        Assert.True(calls.Select(c => (string?)c["tool"]).SequenceEqual(["delegate", "wait_for_sessions", "check_session", "list_sessions"]), run.Describe());
        Assert.True(calls.All(c => (string?)c["status"] == "completed"), run.Describe());
        var reply = run.Events.Last(e => (string?)e["type"] == "item.completed" && (string?)e["item"]!["type"] == "agent_message");
        await AssertDelegatedAsync(world, (string)reply["item"]!["text"]!, Agent.Claude, "codex over http", "mcp:codex");
        Assert.DoesNotContain(token, server.Err);
    }

    /// <summary>The client's environment: the world's, with zwarm's store named (the installed entry is just `zwarm mcp`).</summary>
    private static Dictionary<string, string> ClientEnvironment(ZwarmWorld world, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string> { ["ZWARM_STATE_DIR"] = world.StateDir };
        foreach (var (name, value) in extra) environment[name] = value;
        return environment;
    }

    private static async Task AssertDelegatedAsync(ZwarmWorld world, string finalReply, Agent delegated, string content, string sourcePrefix)
    {
        var row = Assert.Single((await world.JsonAsync("ls")).EnumerateArray());
        var id = row.GetProperty("id").GetString()!;
        Assert.Equal(delegated.Adapter, row.GetProperty("adapter").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.StartsWith(sourcePrefix, row.GetProperty("source").GetString());
        Assert.Equal(content + "\n", File.ReadAllText(Path.Combine(world.WorkDir, McpClientScript.FileName)));
        // The delegated agent talked to the server on its own API.
        Assert.Contains(world.Server.ModelCalls, c => !c.LastUserText.StartsWith(McpClientScript.ClientPrompt, StringComparison.Ordinal)
            && c.Api == (delegated.IsCodex ? Zwarm.ScriptedModels.Requests.ModelApi.OpenAIResponses : Zwarm.ScriptedModels.Requests.ModelApi.AnthropicMessages));
        // check_session's result went back to the client's model, which quoted it.
        Assert.StartsWith(McpClientScript.FinalPrefix, finalReply);
        var check = JsonNode.Parse(finalReply[McpClientScript.FinalPrefix.Length..].Trim())!;
        Assert.Equal(id, (string?)check["id"]);
        Assert.Equal("completed", (string?)check["status"]);
        Assert.Contains($"Wrote {McpClientScript.FileName}.", (string?)check["last_reply"]);
    }
}
