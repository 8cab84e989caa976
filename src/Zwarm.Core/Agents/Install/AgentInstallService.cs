// `zwarm agents install NAME [--force]` and the demo's install step: the adapter's pinned package into zwarm's data
// folder (step 4 of the lookup order), then what `spawn` will actually run, which may be found earlier in the order.
using Zwarm.Core.Config;

namespace Zwarm.Core.Agents.Install;

public sealed class AgentInstallService(ZwarmContext context, AgentRegistry registry, AgentLocator locator)
{
    public AgentInstallService(ZwarmContext context) : this(context, AgentRegistry.Default, AgentLocator.For(context))
    {
    }

    public IAgentAdapter Resolve(string name) =>
        registry.Find(name) ?? throw new ZwarmException(ErrorKind.Usage, registry.UnknownMessage(name));

    /// <summary>Installs into the data folder; returns the result and the executable spawn will use.</summary>
    public async Task<(InstallResult Result, LocatedAgent? UsedBySpawn)> InstallAsync(IAgentAdapter adapter, bool force,
        IProgress<InstallProgress> progress, CancellationToken cancellationToken)
    {
        var prefix = AgentFolders.DataDirectory(context.Environment);
        var result = await new NpmInstaller(context.Environment, context.Time)
            .InstallAsync(adapter, prefix, force, progress, cancellationToken).ConfigureAwait(false);
        var used = locator.Find(adapter, context.Config.AdapterSettingsFor(adapter.Name), context.WorkingDirectory);
        return (result, used);
    }
}
