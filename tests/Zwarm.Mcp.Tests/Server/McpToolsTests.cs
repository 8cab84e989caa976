// The tool surface through a real `zwarm mcp` process and the SDK's client: the same definitions (names,
// descriptions, schemas) as the orchestrator's, the same error results, and a whole delegate / wait / check /
// converse / end round with the fake agent.
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using Zwarm.Core.Agents;
using Zwarm.Mcp.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Mcp.Tests.Server;

public sealed class McpToolsTests : IDisposable
{
    private static readonly string[] Expected =
        ["delegate", "converse", "check_session", "peek_session", "get_trajectory", "list_sessions", "end_session", "diff_session",
            "merge_session", "discard_session", "wait_for_sessions"];

    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly McpWorld _world = new();

    public void Dispose() => _world.Dispose();

    /// <summary>The orchestrator's tool surface over the same store, with the limits the server was given.</summary>
    private SessionTools Orchestrator() => new(_world.Sessions, new SessionToolOptions
    {
        Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
        MaxWait = TimeSpan.FromSeconds(50), DefaultWait = TimeSpan.FromSeconds(50), MaxSandbox = SandboxMode.WorkspaceWrite,
    });

    [Fact]
    public async Task Tools_are_the_orchestrators_definitions_without_exit_sleep_or_bash()
    {
        var client = await _world.ConnectAsync(_ct);

        var tools = await client.ListToolsAsync(cancellationToken: _ct);

        Assert.Equal(Expected, tools.Select(t => t.Name));
        var orchestrator = Orchestrator().Declarations.OfType<AIFunctionDeclaration>().ToDictionary(d => d.Name);
        foreach (var tool in tools)
        {
            var schema = tool.ProtocolTool.InputSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.True(JsonElement.DeepEquals(orchestrator[tool.Name].JsonSchema, schema), $"{tool.Name}: {schema}");
            Assert.Equal(orchestrator[tool.Name].Description, tool.Description);
        }
    }

    [Fact]
    public async Task Bad_arguments_are_the_same_error_result_as_in_the_orchestrator()
    {
        var client = await _world.ConnectAsync(_ct);

        var missing = await client.CallAsync("delegate", "{}", _ct);
        var badType = await client.CallAsync("get_trajectory", """{"id":"x","turn":"soon"}""", _ct);
        var unknown = await client.CallAsync("exit", """{"summary":"done"}""", _ct);

        Assert.True(missing.IsError);
        var expected = await Orchestrator().InvokeAsync("delegate", new Dictionary<string, object?>(), _ct);
        Assert.Equal(expected.ResultJson, missing.Text());
        Assert.Contains("'task' is required", missing.Text());
        Assert.True(badType.IsError);
        Assert.Contains("'turn' must be a number", badType.Text());
        Assert.True(unknown.IsError);
        Assert.Contains("unknown tool 'exit'", unknown.Text());
        // A bad request is a JSON-RPC error, and the server lives on.
        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("zwarm://nothing/here", cancellationToken: _ct).AsTask());
        Assert.False((await client.CallAsync("list_sessions", "{}", _ct)).IsError);
    }

    [Fact]
    public async Task Delegate_wait_with_progress_check_converse_and_end()
    {
        var client = await _world.ConnectAsync(_ct, "--progress-interval", "0.2");
        var gate = Path.Combine(_world.Root, "go");

        var started = await client.CallAsync("delegate", $$"""{"task":"build it @wait-file={{gate}}"}""", _ct);
        Assert.False(started.IsError, started.Text());
        var id = started.Json().GetProperty("session_id").GetString()!;
        var meta = await _world.Sessions.GetAsync(id, _ct);
        Assert.Equal("mcp:test-client", meta.Source);
        Assert.Equal("workspace-write", meta.Sandbox);

        // The turn is held open until the first progress notification arrives; then the gate opens and the wait returns.
        var progressed = 0;
        var waited = await client.CallAsync("wait_for_sessions", $$"""{"ids":["{{id}}"]}""", _ct, new CallbackProgress(p =>
        {
            if (Interlocked.Increment(ref progressed) == 1)
            {
                File.WriteAllText(gate, "");
            }
        }));
        Assert.False(waited.IsError, waited.Text());
        Assert.True(progressed >= 1);
        Assert.False(waited.Json().GetProperty("timed_out").GetBoolean());

        var check = await client.CallAsync("check_session", $$"""{"id":"{{id}}"}""", _ct);
        Assert.Equal("completed", check.Json().GetProperty("status").GetString());
        Assert.Contains("fake reply #1 to: build it", check.Json().GetProperty("last_reply").GetString());

        var converse = await client.CallAsync("converse", $$"""{"session_id":"{{id}}","message":"and test it"}""", _ct);
        Assert.False(converse.IsError, converse.Text());
        Assert.Equal(2, converse.Json().GetProperty("turn").GetInt32());
        await client.CallAsync("wait_for_sessions", $$"""{"ids":["{{id}}"]}""", _ct);
        var second = await client.CallAsync("check_session", $$"""{"id":"{{id}}"}""", _ct);
        Assert.Contains("fake reply #2 to: and test it", second.Json().GetProperty("last_reply").GetString());

        var ended = await client.CallAsync("end_session", $$"""{"id":"{{id}}","delete":true}""", _ct);
        Assert.False(ended.IsError, ended.Text());
        Assert.Null(_world.Sessions.Store.Load(id));
    }

    [Fact]
    public async Task A_wait_returns_at_the_cap_so_the_client_can_call_again()
    {
        var client = await _world.ConnectAsync(_ct, "--wait-cap", "1");
        var started = await client.CallAsync("delegate", $$"""{"task":"hold @wait-file={{Path.Combine(_world.Root, "never")}}"}""", _ct);
        var id = started.Json().GetProperty("session_id").GetString()!;

        var waited = await client.CallAsync("wait_for_sessions", """{"timeout_seconds":600}""", _ct);

        Assert.True(waited.Json().GetProperty("timed_out").GetBoolean(), waited.Text());
        Assert.Equal([id], waited.Json().GetProperty("still_running").EnumerateArray().Select(e => e.GetString()));
        Assert.True(waited.Json().GetProperty("waited_seconds").GetDouble() < 5);
    }
}
