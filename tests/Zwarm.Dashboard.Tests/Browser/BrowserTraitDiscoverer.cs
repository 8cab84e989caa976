// Gives every [BrowserFact] the trait Category=Browser.
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Zwarm.Dashboard.Tests.Browser;

public sealed class BrowserTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new("Category", "Browser")];
}
