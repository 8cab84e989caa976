// The read endpoints give the CLI's --json shapes (compared with the real CLI on the same store), the diff of an
// isolated session, runs and cost; bad input is a 4xx with one JSON line and the server keeps serving.
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Tests.Support;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard.Tests.Api;

public sealed class ReadEndpointTests(ShowcaseStore store) : IClassFixture<ShowcaseStore>
{
    private HttpClient Client => store.Client;

    [Fact]
    public async Task Sessions_are_the_rows_of_ls_json_plus_workspace()
    {
        var api = JsonNode.Parse(await Client.GetStringAsync("/api/sessions", TestTimeout.After()))!;
        var cli = JsonNode.Parse(await store.World.CliAsync("ls", "--json"))!.AsArray();

        var rows = api["sessions"]!.AsArray();
        Assert.Equal(cli.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!.AsObject();
            var workspace = row["workspace"];
            row.Remove("workspace");
            Assert.True(JsonNode.DeepEquals(cli[i], row), $"row {i}: {row.ToJsonString()} vs {cli[i]!.ToJsonString()}");
            if (row["id"]!.GetValue<string>() == store.Isolated.Id)
            {
                Assert.Equal(row["branch"]!.GetValue<string>(), workspace!["branch"]!.GetValue<string>());
                Assert.Equal(1, workspace["files"]!.GetValue<int>());
                Assert.Equal(1, workspace["added"]!.GetValue<int>());
            }
            else
            {
                Assert.Null(workspace);
            }
        }
        Assert.True(api["generated_at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.MinValue);
    }

    [Fact]
    public async Task A_session_is_show_json()
    {
        var api = JsonNode.Parse(await Client.GetStringAsync($"/api/sessions/{store.Plain.Id}", TestTimeout.After()));
        var cli = JsonNode.Parse(await store.World.CliAsync("show", store.Plain.Id, "--json"));

        Assert.True(JsonNode.DeepEquals(cli, api));
        Assert.Contains("hello", api!["turns"]![0]!["messages"]!.ToJsonString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trajectory_is_traj_json(bool oneTurn)
    {
        var query = oneTurn ? "?turn=1" : "";
        var api = JsonNode.Parse(await Client.GetStringAsync($"/api/sessions/{store.Plain.Id}/trajectory{query}", TestTimeout.After()));
        string[] args = oneTurn ? ["traj", store.Plain.Id, "--json", "--turn", "1"] : ["traj", store.Plain.Id, "--json"];
        var cli = JsonNode.Parse(await store.World.CliAsync(args));

        Assert.True(JsonNode.DeepEquals(cli, api));
        Assert.NotEmpty(api!.AsArray());
    }

    [Fact]
    public async Task The_diff_of_an_isolated_session_lists_its_files_and_patch()
    {
        var diff = JsonDocument.Parse(await Client.GetStringAsync($"/api/sessions/{store.Isolated.Id}/diff", TestTimeout.After())).RootElement;
        var turn = JsonDocument.Parse(await Client.GetStringAsync($"/api/sessions/{store.Isolated.Id}/diff?turn=1", TestTimeout.After())).RootElement;

        var file = Assert.Single(diff.GetProperty("files").EnumerateArray());
        Assert.Equal("a.txt", file.GetProperty("path").GetString());
        Assert.Equal(1, file.GetProperty("added").GetInt32());
        Assert.Equal(0, file.GetProperty("removed").GetInt32());
        Assert.Contains("+hello", diff.GetProperty("patch").GetString());
        Assert.Equal("a.txt", Assert.Single(turn.GetProperty("files").EnumerateArray()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_diff_of_a_plain_session_is_a_409_with_the_cli_refusal()
    {
        var response = await Client.GetAsync($"/api/sessions/{store.Plain.Id}/diff", TestTimeout.After());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is not isolated", AuthTests.Error(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/api/sessions/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/api/sessions/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest)]
    [InlineData("/api/sessions/last", HttpStatusCode.BadRequest)]
    [InlineData("/api/sessions/zz/trajectory", HttpStatusCode.BadRequest)]
    [InlineData("/api/sessions/00000000-0000-0000-0000-0000000000000000/diff", HttpStatusCode.BadRequest)]
    [InlineData("/api/runs/..%2Fsessions", HttpStatusCode.BadRequest)]
    [InlineData("/api/runs/nosuchrun", HttpStatusCode.NotFound)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task Bad_ids_and_routes_get_a_4xx_json_line(string path, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(path, TestTimeout.After());

        Assert.Equal(expected, response.StatusCode);
        var error = AuthTests.Error(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("\n", error);
        Assert.DoesNotContain(" at ", error);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "an error answer lost the security headers");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/info", TestTimeout.After())).StatusCode);
    }

    [Theory]
    [InlineData("?turn=abc", HttpStatusCode.BadRequest)]
    [InlineData("?turn=0", HttpStatusCode.BadRequest)]
    [InlineData("?turn=9", HttpStatusCode.NotFound)]
    public async Task A_bad_turn_is_a_4xx(string query, HttpStatusCode expected)
    {
        var response = await Client.GetAsync($"/api/sessions/{store.Plain.Id}/trajectory{query}", TestTimeout.After());

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("turn", AuthTests.Error(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Runs_are_instances_json_and_a_run_has_its_events_sessions_and_steps()
    {
        var instances = new InstanceStore(store.World.StateDir);
        var id = instances.NewId();
        var now = DateTimeOffset.UtcNow;
        instances.Create(new InstanceState
        {
            Id = id, Task = "coordinate", CreatedAt = now, UpdatedAt = now, WorkingDir = store.World.Repo, Model = "gpt-5",
            Status = InstanceStatus.Completed, Steps = 2, Sessions = [store.Plain.Id],
        });
        File.WriteAllText(instances.EventsPath(id),
            "{\"ts\":\"2026-12-07T10:00:00Z\",\"step\":1,\"kind\":\"llm_call\",\"model\":\"gpt-5\",\"input_tokens\":100,\"output_tokens\":20}\n" +
            "{\"ts\":\"2026-12-07T10:00:01Z\",\"step\":1,\"kind\":\"tool_call\",\"name\":\"list_sessions\"}\n" +
            "{\"ts\":\"2026-12-07T10:00:02Z\",\"step\":2,\"kind\":\"llm_call\",\"model\":\"gpt-5\",\"input_tokens\":300,\"output_tokens\":5}\n");

        var list = JsonNode.Parse(await Client.GetStringAsync("/api/runs", TestTimeout.After()));
        var cli = JsonNode.Parse(await store.World.CliAsync("instances", "--json"));
        var run = JsonDocument.Parse(await Client.GetStringAsync($"/api/runs/{id}", TestTimeout.After())).RootElement;

        Assert.True(JsonNode.DeepEquals(cli, list), $"{list!.ToJsonString()} vs {cli!.ToJsonString()}");
        Assert.Equal(id, run.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(3, run.GetProperty("events").GetArrayLength());
        Assert.Equal("list_sessions", run.GetProperty("events")[1].GetProperty("name").GetString());
        Assert.Equal(store.Plain.Id, Assert.Single(run.GetProperty("sessions").EnumerateArray()).GetProperty("id").GetString());
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2], steps.Select(s => s.GetProperty("step").GetInt32()));
        Assert.Equal([100L, 300L], steps.Select(s => s.GetProperty("input_tokens").GetInt64()));
        Assert.Equal([20L, 5L], steps.Select(s => s.GetProperty("output_tokens").GetInt64()));
    }

    [Fact]
    public async Task Cost_adds_up_the_sessions_by_model_adapter_and_day()
    {
        var cost = JsonDocument.Parse(await Client.GetStringAsync("/api/cost", TestTimeout.After())).RootElement;
        var listing = await store.World.Sessions.ListAsync(TestTimeout.After());

        Assert.Equal(listing.Sessions.Sum(s => s.InputTokens), cost.GetProperty("total").GetProperty("input_tokens").GetInt64());
        Assert.Equal(listing.Sessions.Sum(s => s.OutputTokens), cost.GetProperty("total").GetProperty("output_tokens").GetInt64());
        Assert.True(cost.GetProperty("total").GetProperty("input_tokens").GetInt64() > 0);
        var adapter = Assert.Single(cost.GetProperty("by_adapter").EnumerateArray());
        Assert.Equal("codex", adapter.GetProperty("adapter").GetString());
        Assert.Equal(listing.Sessions.Sum(s => s.InputTokens), cost.GetProperty("by_model").EnumerateArray().Sum(m => m.GetProperty("input_tokens").GetInt64()));
        var day = cost.GetProperty("by_day")[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", day.GetProperty("day").GetString());
    }

    [Fact]
    public async Task Without_a_built_ui_the_board_says_so_with_503_and_with_one_it_serves_it()
    {
        var built = typeof(DashboardServer).Assembly.GetManifestResourceInfo("wwwroot/index.html") is not null;

        var response = await Client.GetAsync("/", TestTimeout.After());

        if (built)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("UI not built", AuthTests.Error(await response.Content.ReadAsStringAsync()));
        }
    }
}
