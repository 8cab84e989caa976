// `zwarm agents [--check]` and doctor's agent lines: every adapter of the registry (adding an agent adds a row),
// where the one lookup order finds it, its version against the pin, and optionally whether its model endpoint answers.
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Config;

namespace Zwarm.Core.Agents.Install;

public sealed class AgentInventory(ZwarmContext context, AgentRegistry registry, AgentLocator locator)
{
    public AgentInventory(ZwarmContext context) : this(context, AgentRegistry.Default, AgentLocator.For(context))
    {
    }

    /// <summary>Every supported agent (versions probed in parallel); with <paramref name="probe"/>, endpoints checked too.</summary>
    public async Task<IReadOnlyList<AgentStatus>> ListAsync(EndpointProbe? probe, CancellationToken cancellationToken)
    {
        var rows = registry.Adapters.Select(adapter => StatusAsync(adapter, probe, cancellationToken));
        return await Task.WhenAll(rows).ConfigureAwait(false);
    }

    public async Task<AgentStatus> StatusAsync(IAgentAdapter adapter, EndpointProbe? probe, CancellationToken cancellationToken)
    {
        var settings = context.Config.AdapterSettingsFor(adapter.Name);
        var located = locator.Find(adapter, settings, context.WorkingDirectory);
        var version = located is null ? null : await VersionProbe.ReadAsync(located.Path, cancellationToken).ConfigureAwait(false);
        var endpoint = probe is null ? null : await probe.CheckAsync(adapter, settings, context.Environment, cancellationToken).ConfigureAwait(false);
        return new AgentStatus(adapter.Name, adapter.DisplayName, adapter.Package, located, version, endpoint);
    }
}
