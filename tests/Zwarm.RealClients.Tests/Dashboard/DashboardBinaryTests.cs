// `zwarm dashboard` as users run it: the binary under test (in the native suite the installed .NET tool, whose lean
// `zwarm` execs zwarm-llm), over a store holding a real Codex session. Proves what only the published build can
// break: the UI embedded in the binary, the API's source-generated JSON after trimming, the guard and the token.
using System.Net;
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Dashboard;

[Trait("Category", "RealClient")]
[Collection(Lanes.Codex)]
public sealed class DashboardBinaryTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(180);

    [Fact]
    public async Task Dashboard_serves_its_page_and_a_real_session_with_the_token_only()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("dashboard reply")), [Agent.Codex], _timeout);
        var id = await world.SpawnAsync(Agent.Codex, "look at me");
        await world.WaitCompletedAsync(id);

        using var server = world.Start("dashboard");
        Assert.True(await server.WaitForOutputAsync(o => o.Contains("?token=", StringComparison.Ordinal), _timeout), server.Err);
        var url = new Uri(server.Out.Split('\n').Single(l => l.Contains("?token=", StringComparison.Ordinal)).Trim());
        Assert.Equal("127.0.0.1", url.Host);
        var token = url.Query["?token=".Length..];
        Assert.DoesNotContain(token, server.Err);

        var origin = new Uri(url.GetLeftPart(UriPartial.Authority));
        using var anonymous = new HttpClient { BaseAddress = origin };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sessions", _timeout)).StatusCode);

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = origin };
        var login = await browser.GetAsync(url, _timeout);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("HttpOnly", StringComparison.OrdinalIgnoreCase) && c.Contains("SameSite=Strict", StringComparison.OrdinalIgnoreCase));

        var page = await browser.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("app.js", await page.Content.ReadAsStringAsync(_timeout), StringComparison.Ordinal);
        var script = await browser.GetAsync("/assets/app.js", _timeout);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(_timeout)).Length > 10_000, "the bundled UI is embedded");

        using var sessions = JsonDocument.Parse(await browser.GetStringAsync("/api/sessions", _timeout));
        var row = Assert.Single(sessions.RootElement.GetProperty("sessions").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal("dashboard reply", row.GetProperty("last_reply").GetString());
        var trajectory = await browser.GetStringAsync($"/api/sessions/{id}/trajectory", _timeout);
        Assert.Contains("dashboard reply", trajectory, StringComparison.Ordinal);

        // An action without the CSRF header is refused and changes nothing.
        var post = await browser.PostAsync($"/api/sessions/{id}/continue", new StringContent("""{"message":"more"}""", System.Text.Encoding.UTF8, "application/json"), _timeout);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(1, Assert.Single((await world.JsonAsync("ls")).EnumerateArray()).GetProperty("turns").GetInt32());
    }
}
