// The actions call the CLI's services: continue starts turn 2, kill stops a running turn, merge / apply / discard
// act on isolated sessions; refusals are 409 with the CLI's words, malformed input 400.
using System.Net;
using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Api;

public sealed class ActionTests : IAsyncLifetime
{
    private readonly DashboardWorld _world = new();
    private DashboardServer _server = null!;
    private HttpClient _client = null!;
    private string _csrf = "";

    public async Task InitializeAsync()
    {
        _server = await _world.StartServerAsync();
        _client = _world.Client(_server);
        _csrf = await AuthTests.CsrfAsync(_client);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string path, string? body = null) =>
        _client.SendAsync(AuthTests.Post(path, _csrf, body), TestTimeout.After());

    [Fact]
    public async Task Continue_starts_the_next_turn_and_a_running_session_refuses_with_the_cli_text()
    {
        var meta = await _world.RunAsync("first");

        var accepted = await PostAsync($"/api/sessions/{meta.Id}/continue", """{"message": "second @wait-file=never-there"}""");
        var again = await PostAsync($"/api/sessions/{meta.Id}/continue", """{"message": "third"}""");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(meta.Id, body.GetProperty("id").GetString());
        Assert.Equal(2, body.GetProperty("turn").GetInt32());
        Assert.Equal(2, (await _world.Sessions.GetAsync(meta.Id, TestTimeout.After())).Turn);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("running", AuthTests.Error(await again.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("""{"message": 3}""", "must be a string")]
    [InlineData("{}", "\"message\" is required")]
    [InlineData("", "\"message\" is required")]
    public async Task A_malformed_continue_body_is_a_400(string body, string expected)
    {
        var meta = await _world.RunAsync("first");

        var response = await PostAsync($"/api/sessions/{meta.Id}/continue", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, AuthTests.Error(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1, (await _world.Sessions.GetAsync(meta.Id, TestTimeout.After())).Turn);
    }

    [Fact]
    public async Task Kill_stops_a_running_session_and_a_second_kill_is_a_409()
    {
        var meta = await _world.SpawnAsync("@sleep=60");

        var killed = await PostAsync($"/api/sessions/{meta.Id}/kill");
        var again = await PostAsync($"/api/sessions/{meta.Id}/kill");

        Assert.Equal(HttpStatusCode.OK, killed.StatusCode);
        Assert.Equal("killed", JsonDocument.Parse(await killed.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(SessionStatus.Killed, (await _world.Sessions.GetAsync(meta.Id, TestTimeout.After())).Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("not running", AuthTests.Error(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Merge_brings_an_isolated_session_into_the_checked_out_branch()
    {
        var meta = await _world.RunAsync("@put=merged.txt=from-agent", isolated: true);

        var response = await PostAsync($"/api/sessions/{meta.Id}/merge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("merged zwarm/", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("from-agent\n", File.ReadAllText(Path.Combine(_world.Repo, "merged.txt")));
    }

    [Fact]
    public async Task Apply_puts_the_changes_in_the_tree_uncommitted()
    {
        var meta = await _world.RunAsync("@put=applied.txt=from-agent", isolated: true);

        var response = await PostAsync($"/api/sessions/{meta.Id}/apply");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("applied 1 file(s)", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("from-agent\n", File.ReadAllText(Path.Combine(_world.Repo, "applied.txt")));
    }

    [Fact]
    public async Task Discard_removes_an_isolated_session_with_its_work()
    {
        var meta = await _world.RunAsync("@put=lost.txt=gone", isolated: true);

        var response = await PostAsync($"/api/sessions/{meta.Id}/discard");
        var after = await _client.GetAsync($"/api/sessions/{meta.Id}", TestTimeout.After());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("discarded session", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.False(_world.Sessions.Store.Exists(meta.Id));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("apply")]
    public async Task Isolation_verbs_on_a_plain_session_are_409_with_the_cli_refusal(string verb)
    {
        var meta = await _world.RunAsync("plain");

        var response = await PostAsync($"/api/sessions/{meta.Id}/{verb}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is not isolated", AuthTests.Error(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("continue")]
    [InlineData("kill")]
    [InlineData("merge")]
    [InlineData("apply")]
    [InlineData("discard")]
    public async Task Actions_on_unknown_or_malformed_ids_are_404_or_400(string verb)
    {
        var unknown = await PostAsync($"/api/sessions/00000000-0000-0000-0000-000000000000/{verb}", """{"message": "x"}""");
        var malformed = await PostAsync($"/api/sessions/..%2F..%2Ftmp/{verb}", """{"message": "x"}""");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}
