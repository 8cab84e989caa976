// The sessions board in a real Chromium: it lists the store's sessions, and a session that finishes while the page
// is open changes status on the page within a second, with no reload (server-sent events, not polling).
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class BoardPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFact]
    public async Task Board_lists_every_session_with_status_adapter_and_diff_stat()
    {
        await using var world = new DashboardWorld();
        var plain = await world.RunAsync("say hello @lines=3");
        var isolated = await world.RunAsync("write a file @put=a.txt=hello", isolated: true);
        var failed = await world.RunAsync("break things @fail=boom");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);

        await page.LoginAsync();
        await page.WaitForAsync("tr[data-session-id]");

        Assert.Equal(3, await page.CountAsync("tr[data-session-id]"));
        Assert.Equal("completed", await page.Page.EvaluateFunctionAsync<string>("id => document.querySelector(`tr[data-session-id='${id}']`).dataset.status", plain.Id));
        Assert.Equal("failed", await page.Page.EvaluateFunctionAsync<string>("id => document.querySelector(`tr[data-session-id='${id}']`).dataset.status", failed.Id));
        var isolatedRow = await page.TextAsync($"tr[data-session-id='{isolated.Id}']");
        Assert.Contains("write a file", isolatedRow, StringComparison.Ordinal);
        Assert.Contains($"zwarm/{isolated.Id[..8]}", isolatedRow, StringComparison.Ordinal);
        Assert.Contains("+1", isolatedRow, StringComparison.Ordinal);
        Assert.Contains("codex", isolatedRow, StringComparison.Ordinal);
        await page.ScreenshotAsync("board-light");

        // Search by task text and the status filter narrow the table.
        await page.Page.TypeAsync("[data-search]", "say hel");
        await page.WaitUntilAsync("document.querySelectorAll('tr[data-session-id]').length === 1");
        Assert.Contains("say hello", await page.TextAsync("tr[data-session-id]"), StringComparison.Ordinal);
        // No script error and nothing refused by the strict CSP (no inline script, nothing from elsewhere).
        Assert.Empty(page.ProblemsOnPage);
    }

    [BrowserFact]
    public async Task The_theme_follows_the_system_until_the_toggle_picks_one_and_the_pick_survives_a_reload()
    {
        await using var world = new DashboardWorld();
        await world.RunAsync("paint it black");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server, theme: "dark");
        await page.LoginAsync();
        await page.WaitForAsync("tr[data-session-id]");
        Assert.Equal("dark", await page.Page.EvaluateExpressionAsync<string>("document.documentElement.dataset.theme"));
        var darkBackground = await page.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).backgroundColor");
        await page.ScreenshotAsync("board-dark");

        await page.Page.ClickAsync("[data-theme-toggle]");
        await page.WaitUntilAsync("document.documentElement.dataset.theme === 'light'");
        Assert.NotEqual(darkBackground, await page.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.Page.ReloadAsync();
        await page.WaitForAsync("tr[data-session-id]");
        Assert.Equal("light", await page.Page.EvaluateExpressionAsync<string>("document.documentElement.dataset.theme"));
    }

    [BrowserFact]
    public async Task Read_only_shows_no_action()
    {
        await using var world = new DashboardWorld();
        var session = await world.RunAsync("look but do not touch", isolated: true);
        var server = await world.StartServerAsync(readOnly: true);
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync($"#/sessions/{session.Id}");
        await page.WaitForAsync($"[data-session='{session.Id}']");

        Assert.Equal(0, await page.CountAsync("[data-actions], [data-action]"));
        Assert.Contains("read-only", await page.TextAsync("header.top"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_session_that_finishes_while_the_page_is_open_changes_status_within_a_second_without_reload()
    {
        await using var world = new DashboardWorld();
        var release = Path.Combine(world.Root, "release");
        var held = await world.SpawnAsync($"hold on @wait-file={release}");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync();
        var row = $"tr[data-session-id='{held.Id}']";
        await page.WaitForAsync($"{row}[data-status='running']");

        File.WriteAllText(release, "go");
        var done = await world.WaitAsync(held.Id);
        Assert.Equal(Zwarm.Core.Sessions.SessionStatus.Completed, done.Status);

        // The store says completed: the open page must show it within a second.
        await page.WaitForAsync($"{row}[data-status='completed']", timeoutMs: 1000);
        Assert.True(await page.NotReloadedAsync(), "the page was reloaded");
    }

    [BrowserFact]
    public async Task Keyboard_moves_the_selection_and_enter_opens_the_session()
    {
        await using var world = new DashboardWorld();
        var first = await world.RunAsync("first task");
        var second = await world.RunAsync("second task");
        var server = await world.StartServerAsync();
        await using var page = await chromium.OpenAsync(server);
        await page.LoginAsync();
        await page.WaitForAsync("tr[data-session-id]");

        // Newest first: j selects the first row (the second session), j again the next (the first session).
        await page.Page.Keyboard.PressAsync("j");
        await page.Page.Keyboard.PressAsync("j");
        await page.WaitForAsync($"tr.selected[data-session-id='{first.Id}']");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.WaitForAsync($"[data-session='{first.Id}']");
        await page.Page.Keyboard.PressAsync("Escape");
        await page.WaitForAsync($"tr[data-session-id='{second.Id}']");
        Assert.True(await page.NotReloadedAsync());
    }
}
