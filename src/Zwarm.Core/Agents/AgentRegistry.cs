// TEMPORARY (replaced by the adapters branch): resolves adapters by name or alias.
using System.Diagnostics.CodeAnalysis;

namespace Zwarm.Core.Agents;

public sealed class AgentRegistry
{
    private readonly List<IAgentAdapter> _adapters;

    public AgentRegistry(IEnumerable<IAgentAdapter> adapters)
    {
        _adapters = adapters.ToList();
    }

    public static AgentRegistry Default { get; } = new([]);

    public IReadOnlyList<IAgentAdapter> All => _adapters;

    public bool TryGet(string name, [NotNullWhen(true)] out IAgentAdapter? adapter)
    {
        adapter = _adapters.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)
            || a.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));
        return adapter is not null;
    }
}
