// The pins live twice: on the adapters (zwarm agents install, the demo) and in scripts/install-agent-clis.sh (test.sh,
// which installs into .tools/agents). Both are read by the same lookup order, so they must name the same versions.
using System.Text.RegularExpressions;
using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Install;

namespace Zwarm.Core.Tests.Agents.Install;

public sealed class PinnedVersionsTests
{
    [Fact]
    public void TheInstallScript_PinsWhatTheAdaptersPin()
    {
        var checkout = AgentFolders.FindCheckout(AppContext.BaseDirectory);
        Assert.NotNull(checkout);
        var script = File.ReadAllText(Path.Combine(checkout, "scripts", "install-agent-clis.sh"));
        var specs = Regex.Matches(script, "\"(@?[^:\"\\s]+):\\$([A-Z_]+):").ToDictionary(m => m.Groups[1].Value,
            m => Regex.Match(script, $"{m.Groups[2].Value}=\"([^\"]+)\"").Groups[1].Value);

        foreach (var adapter in AgentRegistry.Default.Adapters)
        {
            Assert.True(specs.TryGetValue(adapter.Package.Name, out var version), $"{adapter.Package.Name} is not in the install script");
            Assert.Equal(adapter.Package.Version, version);
        }
    }
}
