// A session's page in a real Chromium: the running turn's new lines appear live, continue starts turn 2 (as the
// store and `zwarm show` see it), kill stops a running session, and an isolated session's diff renders (diff2html).
using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class SessionPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Messages = "[data-steps='1'] [data-kind='message']";

    [BrowserFact]
    public async Task The_running_turns_new_lines_appear_live()
    {
        await using var world = new DashboardWorld();
        // 300 replies 100 ms apart: the turn is still streaming when the page opens, even on a loaded machine where
        // starting the page took 10 s (seen in a full run).
        const int Lines = 300;
        var running = await world.SpawnAsync($"stream please @stream={Lines}");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{running.Id}");
        await page.WaitForAsync("[data-live-turn='1']");
        await page.WaitUntilAsync($"document.querySelectorAll(\"{Messages}\").length > 0");
        var seen = await page.CountAsync(Messages);
        Assert.True(seen < Lines, "the turn had finished before the page could follow it");

        await page.WaitUntilAsync($"document.querySelectorAll(\"{Messages}\").length > {seen}");
        await page.ScreenshotAsync("session-live");
        await world.WaitAsync(running.Id);
        await page.WaitForAsync($"[data-session='{running.Id}'][data-status='completed']");
        await page.WaitUntilAsync($"[...document.querySelectorAll(\"{Messages} .bubble\")].some(e => e.textContent.startsWith('fake reply'))");
        // Every streamed line once, in order: nothing lost, nothing doubled by the switch from stream to trajectory.
        var lines = await page.Page.EvaluateFunctionAsync<string[]>(
            "s => [...document.querySelectorAll(s + ' .bubble')].map(e => e.textContent.trim()).filter(t => t.startsWith('stream '))", Messages);
        Assert.Equal(Enumerable.Range(1, Lines).Select(i => $"stream {i}"), lines);
        Assert.True(await page.NotReloadedAsync());
    }

    [BrowserFact]
    public async Task Continue_from_the_page_starts_turn_2()
    {
        await using var world = new DashboardWorld();
        var session = await world.RunAsync("first turn @lines=1");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{session.Id}");
        await page.WaitForAsync("[data-continue-message]");

        await page.Page.TypeAsync("[data-continue-message]", "now the second turn");
        await page.Page.ClickAsync("[data-action='continue']");
        await page.WaitForAsync("[data-action-notice]");
        Assert.Contains("Turn 2", await page.TextAsync("[data-action-notice]"), StringComparison.Ordinal);

        var after = await world.WaitAsync(session.Id);
        Assert.Equal(2, after.Turn);
        using var shown = JsonDocument.Parse(await world.CliAsync("show", session.Id, "--json"));
        var turns = shown.RootElement.GetProperty("turns");
        Assert.Equal(2, turns.GetArrayLength());
        Assert.Equal("now the second turn", turns[1].GetProperty("prompt").GetString());
        await page.WaitForAsync("article[data-turn='2']");
        await page.WaitUntilAsync("document.querySelector(\"article[data-turn='2']\").textContent.includes('now the second turn')");
    }

    [BrowserFact]
    public async Task A_refusal_is_shown_as_the_servers_message_and_changes_nothing()
    {
        await using var world = new DashboardWorld();
        var session = await world.SpawnAsync("busy for a while @sleep=120");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{session.Id}");
        await page.WaitForAsync($"[data-session='{session.Id}'][data-status='running']");

        await page.Page.TypeAsync("[data-continue-message]", "too early");
        await page.Page.ClickAsync("[data-action='continue']");
        await page.WaitForAsync("[data-action-notice].error");

        Assert.Contains("running", await page.TextAsync("[data-action-notice]"), StringComparison.Ordinal);
        var meta = await world.Sessions.GetAsync(session.Id, TestTimeout.After());
        Assert.Equal(1, meta.Turn);
        Assert.Equal(SessionStatus.Running, meta.Status);
    }

    [BrowserFact]
    public async Task Kill_from_the_page_stops_the_running_session()
    {
        await using var world = new DashboardWorld();
        var session = await world.SpawnAsync("take forever @sleep=120");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{session.Id}");
        await page.WaitForAsync($"[data-session='{session.Id}'][data-status='running']");

        await page.Page.ClickAsync("[data-action='kill']");
        await page.WaitForAsync($"[data-session='{session.Id}'][data-status='killed']");
        var stopped = await world.WaitAsync(session.Id);
        Assert.Equal(SessionStatus.Killed, stopped.Status);
    }

    [BrowserFact]
    public async Task A_link_followed_while_the_app_starts_lands_on_its_view()
    {
        await using var world = new DashboardWorld();
        var session = await world.RunAsync("a finished session");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        // The hash changes right after the app's first render and before its effects run (a mutation observer's
        // callback is a microtask; preact runs effects after paint): the window in which a CI run lost the change.
        await page.Page.EvaluateExpressionOnNewDocumentAsync($$"""
            new MutationObserver((_, observer) => {
              if (document.querySelector('main.page')) {
                observer.disconnect();
                location.hash = '#/sessions/{{session.Id}}';
              }
            }).observe(document, { childList: true, subtree: true });
            """);
        await page.LoginAsync();
        await page.WaitForAsync($"[data-session='{session.Id}']");
    }

    [BrowserFact]
    public async Task An_isolated_sessions_diff_renders_per_file()
    {
        await using var world = new DashboardWorld();
        var session = await world.RunAsync("write files @put=a.txt=hello @put=docs/b.md=world", isolated: true);
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{session.Id}");
        await page.WaitForAsync("[data-tab='changes']");

        await page.Page.ClickAsync("[data-tab='changes']");
        await page.WaitForAsync("[data-diff] .d2h-file-wrapper");
        Assert.Equal(2, await page.CountAsync("[data-diff] .d2h-file-wrapper"));
        var names = await page.Page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('[data-diff] .d2h-file-name')].map(e => e.textContent.trim())");
        Assert.Contains(names, n => n.EndsWith("a.txt", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("b.md", StringComparison.Ordinal));
        var inserted = await page.Page.EvaluateExpressionAsync<string>(
            "[...document.querySelectorAll('[data-diff] .d2h-ins .d2h-code-line-ctn')].map(e => e.textContent).join('|')");
        Assert.Contains("hello", inserted, StringComparison.Ordinal);
        Assert.Contains("world", inserted, StringComparison.Ordinal);
        await page.ScreenshotAsync("session-diff");
    }
}
