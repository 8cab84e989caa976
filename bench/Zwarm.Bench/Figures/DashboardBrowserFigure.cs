// The dashboard's board as a person sees it: headless Chromium (the system's `chromium`, driven by PuppeteerSharp;
// never a browser download) opens the token URL of `zwarm dashboard` over 1,000 Python-written sessions, and the
// clock stops when the first page of 50 rows is drawn (redirect, index.html, app.js/app.css, /api/info,
// /api/sessions, render). Each load is a fresh incognito context (no cache, no cookie); the first load and the
// median of the following ones are reported. Without chromium the row says so and has no PASS/FAIL.
using System.Diagnostics;
using PuppeteerSharp;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class DashboardBrowserFigure
{
    private const int StoreSessions = 1000;
    private const int Loads = 10;
    private const string Name = $"dashboard: board drawn in Chromium, 1,000 sessions";

    public static IEnumerable<Figure> Run(BenchEnvironment env, PythonAnchors python)
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            return [new Figure(Name, "", "n/a", "", "<= 1 s", null, "chromium is not installed (apt-get install chromium)")];
        }
        var zwarm = env.EnsureZwarm();
        var state = Path.Combine(env.DataDirectory, $"dashboard-browser-{StoreSessions}");
        python.GenerateSessions(state, StoreSessions);
        using var server = DashboardFigure.Start(zwarm, state, env, out var url);
        try
        {
            var (first, rest) = MeasureAsync(chromium, url).GetAwaiter().GetResult();
            var median = Stats.Median(rest);
            return [new Figure(Name, "", Stats.Ms(first), "", "<= 1 s", first <= 1000,
                $"token URL to the first 50 rows drawn, first load of a fresh server; the next {rest.Count} loads (fresh contexts): median {Stats.Ms(median)}, max {Stats.Ms(rest.Max())}")];
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static async Task<(double First, List<double> Others)> MeasureAsync(string chromium, Uri url)
    {
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var times = new List<double>();
        for (var i = 0; i <= Loads; i++)
        {
            await using var context = await browser.CreateBrowserContextAsync();
            var page = await context.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1360, Height = 820 });
            var clock = Stopwatch.StartNew();
            await page.GoToAsync(url.ToString(), WaitUntilNavigation.DOMContentLoaded);
            await page.WaitForFunctionAsync("() => document.querySelectorAll('tr[data-session-id]').length >= 50",
                new WaitForFunctionOptions { Timeout = 30_000, Polling = WaitForFunctionPollingOption.Mutation });
            times.Add(clock.Elapsed.TotalMilliseconds);
            var listed = await page.EvaluateExpressionAsync<string>("document.querySelector('.pager').textContent");
            if (!listed.Contains($"of {StoreSessions}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the board listed '{listed}', expected {StoreSessions} sessions");
            }
        }
        return (times[0], times.Skip(1).ToList());
    }

    private static string? FindChromium()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Environment.GetEnvironmentVariable("ZWARM_CHROMIUM") is { Length: > 0 } chosen && File.Exists(chosen)
            ? chosen
            : new[] { "chromium", "chromium-browser" }.SelectMany(n => dirs.Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }
}
