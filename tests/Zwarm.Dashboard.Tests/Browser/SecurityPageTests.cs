// The door in a real browser: without the token the page is refused, and a POST from another origin is refused and
// kills nothing: from another port of 127.0.0.1 (same site, so the cookie comes along: the Origin check refuses it)
// and from http://localhost:PORT (another site: SameSite=Strict keeps the cookie back).
using System.Net;
using PuppeteerSharp;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class SecurityPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFact]
    public async Task Without_the_token_the_page_is_refused()
    {
        await using var world = new DashboardWorld();
        await world.RunAsync("a session to hide");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);

        var response = await page.Page.GoToAsync(server.BaseUrl.ToString());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(0, await page.CountAsync("tr[data-session-id]"));
        Assert.DoesNotContain("a session to hide", await page.Page.GetContentAsync(), StringComparison.Ordinal);
        var wrong = await page.Page.GoToAsync(new Uri(server.BaseUrl, "/?token=not-the-token").ToString());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.Status);
    }

    [BrowserFact]
    public async Task A_cross_origin_post_is_refused_and_kills_nothing()
    {
        await using var world = new DashboardWorld();
        var session = await world.SpawnAsync("keep running @sleep=120");
        var server = await world.StartServerAsync();
        // Another web server on another port of 127.0.0.1: same site (the browser sends the cookie there too), other origin.
        var other = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync();
        var target = new Uri(server.BaseUrl, $"/api/sessions/{session.Id}/kill").ToString();

        // The other origin's own CSP would stop the request in the browser; lift it, so the server has to refuse.
        await page.Page.SetBypassCSPAsync(true);
        var sameSite = await PostFromAsync(page, other.BaseUrl.ToString(), target);
        var crossSite = await PostFromAsync(page, $"http://localhost:{server.BaseUrl.Port}/", target);

        Assert.Equal(HttpStatusCode.Forbidden, sameSite); // the cookie came along; the Origin check refused it
        Assert.Equal(HttpStatusCode.Unauthorized, crossSite); // SameSite=Strict: no cookie at all
        var meta = await world.Sessions.GetAsync(session.Id, TestTimeout.After());
        Assert.Equal(SessionStatus.Running, meta.Status);
    }

    /// <summary>Opens <paramref name="origin"/> and POSTs to <paramref name="target"/> from there as a page could (no-cors, with credentials).</summary>
    private static async Task<HttpStatusCode> PostFromAsync(DashboardPage page, string origin, string target)
    {
        await page.Page.GoToAsync(origin);
        var response = page.Page.WaitForResponseAsync(target, new WaitForOptions { Timeout = 30_000 });
        await page.Page.EvaluateFunctionAsync(
            "url => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}', headers: { 'Content-Type': 'text/plain' } }).catch(() => null)",
            target);
        return (await response).Status;
    }
}
