// Which agent CLIs this machine has, found the way spawn and doctor find them (config, ZWARM_*_BIN, zwarm's data
// folder, the checkout's .tools, PATH). Presence only: no version probe, so a worker starts quickly.
using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Config;

namespace Zwarm.Cluster.Workers;

public static class LocalAgents
{
    public static IReadOnlyList<string> Find(ZwarmContext context)
    {
        var locator = AgentLocator.For(context);
        return [.. AgentRegistry.Default.Adapters
            .Where(a => locator.Find(a, context.Config.AdapterSettingsFor(a.Name), context.WorkingDirectory) is not null)
            .Select(a => a.Name)];
    }
}
