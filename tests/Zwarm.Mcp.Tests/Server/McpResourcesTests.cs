// Sessions as MCP resources: listed, readable (the session report, a turn's trajectory), and a subscriber is told
// when the session's status changes.
using ModelContextProtocol.Protocol;
using Zwarm.Mcp.Tests.Support;

namespace Zwarm.Mcp.Tests.Server;

public sealed class McpResourcesTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly McpWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Sessions_and_turns_are_listed_readable_and_updates_reach_subscribers()
    {
        var client = await _world.ConnectAsync(_ct);
        var gate = Path.Combine(_world.Root, "go");
        var started = await client.CallAsync("delegate", $$"""{"task":"resource me @wait-file={{gate}}"}""", _ct);
        var id = started.Json().GetProperty("session_id").GetString()!;
        var uri = $"zwarm://sessions/{id}";

        var listed = await client.ListResourcesAsync(cancellationToken: _ct);
        Assert.Contains(listed, r => r.Uri == uri);
        Assert.Contains(listed, r => r.Uri == uri + "/turns/1");

        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.SubscribeToResourceAsync(uri, (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: _ct);
        // The server noted the session's state when we subscribed; now let the turn finish.
        File.WriteAllText(gate, "");
        Assert.Equal(uri, await updated.Task.WaitAsync(_ct));

        var session = await client.ReadResourceAsync(uri, cancellationToken: _ct);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(session.Contents)).Text;
        Assert.Contains($"\"id\":\"{id}\"", text);
        Assert.Contains("fake reply #1 to: resource me", text);
        var turn = await client.ReadResourceAsync(uri + "/turns/1", cancellationToken: _ct);
        Assert.Contains("fake reply #1 to: resource me", Assert.IsType<TextResourceContents>(Assert.Single(turn.Contents)).Text);
    }
}
