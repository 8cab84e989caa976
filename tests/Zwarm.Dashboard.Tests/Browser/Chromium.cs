// Where the system's Chromium is (Debian's `chromium` package; test.sh installs it): $ZWARM_CHROMIUM, else the
// usual paths, else `chromium` on PATH. The browser tests never download a browser.
namespace Zwarm.Dashboard.Tests.Browser;

internal static class Chromium
{
    private static readonly Lazy<string?> Found = new(Find);

    public static string? ExecutablePath => Found.Value;

    public const string Missing = "chromium is not installed (apt-get install chromium; test.sh installs it), or set ZWARM_CHROMIUM";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ZWARM_CHROMIUM") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : null;
        }
        string[] names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names.SelectMany(n => dirs.Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }
}
