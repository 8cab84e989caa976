// A page of the dashboard in Chromium, logged in through the printed URL (which sets the cookie and redirects),
// with the waits the tests need: on the DOM, with a timeout, never a sleep. Screenshots go to the test output
// directory (bin/.../screenshots/).
using PuppeteerSharp;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly IPage page;
    private readonly DashboardServer server;
    private readonly List<string> _problems = [];

    public DashboardPage(IBrowserContext context, IPage page, DashboardServer server)
    {
        this.context = context;
        this.page = page;
        this.server = server;
        // Script errors and refused resources (a CSP violation is a console error) are kept for ProblemsOnPage.
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                lock (_problems)
                {
                    _problems.Add(e.Message.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (_problems)
            {
                _problems.Add(e.Message);
            }
        };
    }

    public IPage Page => page;

    /// <summary>Console errors and uncaught script errors of the page so far.</summary>
    public IReadOnlyList<string> ProblemsOnPage
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public DashboardServer Server => server;

    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Opens the login URL, then <paramref name="hash"/> (e.g. #/sessions/ID), and waits for the app to draw.</summary>
    public async Task LoginAsync(string hash = "#/sessions")
    {
        var response = await page.GoToAsync(server.LoginUrl.ToString());
        Assert.True(response.Ok, $"the login URL answered {(int)response.Status}");
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        if (hash != "#/sessions")
        {
            await page.EvaluateFunctionAsync("h => { location.hash = h; }", hash);
        }
        // A marker that only survives as long as the page is not reloaded.
        await page.EvaluateExpressionAsync("window.__zwarmNoReload = true");
        await page.WaitForSelectorAsync("main.page", new WaitForSelectorOptions { Timeout = 30_000 });
    }

    public Task<bool> NotReloadedAsync() => page.EvaluateExpressionAsync<bool>("window.__zwarmNoReload === true");

    public Task WaitForAsync(string selector, int timeoutMs = 30_000) =>
        OrScreenshotAsync(() => page.WaitForSelectorAsync(selector, new WaitForSelectorOptions { Timeout = timeoutMs }));

    /// <summary>Waits until <paramref name="expression"/> is truthy in the page (re-checked on every DOM change).</summary>
    public Task WaitUntilAsync(string expression, int timeoutMs = 30_000) =>
        OrScreenshotAsync(() => page.WaitForFunctionAsync($"() => {expression}", new WaitForFunctionOptions
        {
            Timeout = timeoutMs,
            Polling = WaitForFunctionPollingOption.Mutation,
        }));

    /// <summary>A wait that timed out leaves a screenshot of what the page showed instead (failed-*.png).</summary>
    private async Task OrScreenshotAsync(Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (WaitTaskTimeoutException)
        {
            await ScreenshotAsync($"failed-{DateTime.UtcNow:HHmmss-fff}");
            throw;
        }
    }

    public Task<int> CountAsync(string selector) =>
        page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

    public Task<string> TextAsync(string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s)?.textContent ?? ''", selector);

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await page.CloseAsync();
        await context.CloseAsync();
    }
}
