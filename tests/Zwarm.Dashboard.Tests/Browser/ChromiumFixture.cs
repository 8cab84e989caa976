// One headless Chromium per test class (starting it is the slow part); each test gets its own incognito context,
// so no cookie leaks from one test to the next.
using PuppeteerSharp;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class ChromiumFixture : IAsyncLifetime
{
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("chromium is not started");

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is not { } path)
        {
            return; // every test of the class is skipped
        }
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root in a container has no user namespace sandbox; the pages are our own server's on 127.0.0.1.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
            Timeout = 60_000,
        });
    }

    public async Task<DashboardPage> OpenAsync(DashboardServer server, string theme = "light")
    {
        var context = await Browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = 30_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1360, Height = 820 });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = theme }]);
        return new DashboardPage(context, page, server);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
    }
}
