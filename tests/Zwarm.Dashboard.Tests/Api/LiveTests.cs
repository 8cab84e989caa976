// The live streams, signal-driven: a session that finishes while /api/events is open arrives as its row; a removed
// session as "removed"; a new run as its row; a running turn's lines arrive on its stream as they are written,
// then its end.
using System.Net;
using System.Text.Json;
using Zwarm.Dashboard.Tests.Support;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard.Tests.Api;

public sealed class LiveTests : IAsyncLifetime
{
    private readonly DashboardWorld _world = new();
    private DashboardServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await _world.StartServerAsync();
        _client = _world.Client(_server);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_session_finishing_while_the_events_stream_is_open_arrives_as_its_row()
    {
        var timeout = TestTimeout.After();
        await using var events = await EventStreamReader.OpenAsync(_client, "/api/events", timeout);
        var release = Path.Combine(_world.Root, "release");
        var meta = await _world.SpawnAsync($"@wait-file={release}");

        var running = await events.WaitForAsync((name, data) => name == "session" && Row(data) is var r
            && r.GetProperty("id").GetString() == meta.Id && r.GetProperty("status").GetString() == "running", timeout);
        File.WriteAllText(release, "");
        var completed = await events.WaitForAsync((name, data) => name == "session" && Row(data) is var r
            && r.GetProperty("id").GetString() == meta.Id && r.GetProperty("status").GetString() == "completed", timeout);

        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        var row = Row(completed.Data);
        Assert.Equal(1, row.GetProperty("turns").GetInt32());
        Assert.True(row.GetProperty("input_tokens").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("workspace").ValueKind);
        Assert.NotEqual(running.Data, completed.Data);
    }

    [Fact]
    public async Task A_removed_session_arrives_as_removed()
    {
        var timeout = TestTimeout.After();
        var meta = await _world.RunAsync("short");
        await using var events = await EventStreamReader.OpenAsync(_client, "/api/events", timeout);

        await _world.Sessions.RemoveAsync(meta.Id, force: false, timeout);
        var removed = await events.WaitForAsync((name, _) => name == "removed", timeout);

        Assert.Equal(meta.Id, JsonDocument.Parse(removed.Data).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_new_run_arrives_as_its_instances_row()
    {
        var timeout = TestTimeout.After();
        await using var events = await EventStreamReader.OpenAsync(_client, "/api/events", timeout);
        var instances = new InstanceStore(_world.StateDir);
        var id = instances.NewId();
        var now = DateTimeOffset.UtcNow;

        instances.Create(new InstanceState { Id = id, Task = "coordinate the work", CreatedAt = now, UpdatedAt = now, WorkingDir = _world.Repo });
        var run = await events.WaitForAsync((name, data) => name == "run" && data.Contains(id, StringComparison.Ordinal), timeout);

        var row = JsonDocument.Parse(run.Data).RootElement;
        Assert.Equal("coordinate the work", row.GetProperty("task").GetString());
        Assert.Equal(id, row.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_turn_stream_delivers_the_steps_written_after_it_opened_then_the_end()
    {
        var timeout = TestTimeout.After();
        var release = Path.Combine(_world.Root, "release-stream");
        var meta = await _world.SpawnAsync($"stream me @wait-file={release} @lines=3");
        await using var stream = await EventStreamReader.OpenAsync(_client, $"/api/sessions/{meta.Id}/stream?turn=1", timeout);

        File.WriteAllText(release, "");
        var steps = new List<JsonElement>();
        (string Name, string Data)? e;
        while ((e = await stream.NextAsync(timeout)) is { Name: "step" } step)
        {
            steps.Add(JsonDocument.Parse(step.Data).RootElement);
        }

        Assert.Equal("end", e?.Name);
        Assert.Equal("completed", JsonDocument.Parse(e!.Value.Data).RootElement.GetProperty("status").GetString());
        Assert.All(steps, s => Assert.Equal(1, s.GetProperty("turn").GetInt32()));
        var texts = steps.Where(s => s.GetProperty("kind").GetString() == "message").Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.True(texts.Count >= 3, $"expected the numbered messages, got: {string.Join(" | ", texts)}");
    }

    [Fact]
    public async Task The_turn_stream_of_an_unknown_session_or_turn_is_a_4xx()
    {
        var meta = await _world.RunAsync("done");

        var unknown = await _client.GetAsync("/api/sessions/00000000-0000-0000-0000-000000000000/stream", TestTimeout.After());
        var turn = await _client.GetAsync($"/api/sessions/{meta.Id}/stream?turn=5", TestTimeout.After());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, turn.StatusCode);
    }

    private static JsonElement Row(string data) => JsonDocument.Parse(data).RootElement;
}
