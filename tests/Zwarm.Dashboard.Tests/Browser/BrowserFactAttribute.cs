// A fact that needs a real Chromium: skipped, with the reason, where none is installed. Tagged Category=Browser, so
// it runs in the fast suite (test.sh installs chromium first) and can be picked out with --filter Category=Browser.
using Xunit.Sdk;

namespace Zwarm.Dashboard.Tests.Browser;

[TraitDiscoverer("Zwarm.Dashboard.Tests.Browser.BrowserTraitDiscoverer", "Zwarm.Dashboard.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute, ITraitAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = Chromium.Missing;
        }
        Timeout = 120_000;
    }
}
