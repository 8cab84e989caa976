// What the server's options allow a client: --read-only hides the tools that change sessions, --max-sandbox is a
// ceiling the client cannot delegate past, --max-sessions counts every MCP client's running sessions together.
using Zwarm.Mcp.Tests.Support;

namespace Zwarm.Mcp.Tests.Server;

public sealed class McpLimitsTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly McpWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Read_only_offers_only_the_inspection_tools()
    {
        var client = await _world.ConnectAsync(_ct, "--read-only");

        var tools = await client.ListToolsAsync(cancellationToken: _ct);
        var delegated = await client.CallAsync("delegate", """{"task":"x"}""", _ct);

        Assert.Equal(["check_session", "peek_session", "get_trajectory", "list_sessions", "diff_session", "wait_for_sessions"], tools.Select(t => t.Name));
        Assert.True(delegated.IsError);
        Assert.Contains("unknown tool 'delegate'", delegated.Text());
        Assert.Empty((await _world.Sessions.ListAsync(_ct)).Sessions);
    }

    [Fact]
    public async Task Max_sandbox_refuses_escalation_and_lowers_the_default()
    {
        var client = await _world.ConnectAsync(_ct, "--max-sandbox", "read-only");

        var escalate = await client.CallAsync("delegate", """{"task":"x","sandbox":"workspace-write"}""", _ct);
        var plain = await client.CallAsync("delegate", """{"task":"y"}""", _ct);

        Assert.True(escalate.IsError);
        Assert.Contains("above this server's ceiling (read-only)", escalate.Text());
        Assert.False(plain.IsError, plain.Text());
        Assert.Equal("read-only", plain.Json().GetProperty("sandbox").GetString());
    }

    [Fact]
    public async Task Max_sessions_counts_the_running_sessions_of_every_mcp_client()
    {
        var hold = Path.Combine(_world.Root, "hold");
        var first = await _world.ConnectAsync(_ct, "--max-sessions", "1");
        var second = await _world.ConnectAsync(_ct, "--max-sessions", "1");

        var one = await first.CallAsync("delegate", $$"""{"task":"a @wait-file={{hold}}"}""", _ct);
        var two = await second.CallAsync("delegate", $$"""{"task":"b @wait-file={{hold}}"}""", _ct);

        Assert.False(one.IsError, one.Text());
        Assert.True(two.IsError);
        Assert.Contains("the limit is 1", two.Text());
    }
}
