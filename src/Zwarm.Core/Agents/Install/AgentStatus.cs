using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.Install;

/// <summary>One supported agent CLI as `zwarm agents` reports it.</summary>
/// <param name="Adapter">The adapter name ("codex").</param>
/// <param name="DisplayName">"Codex CLI".</param>
/// <param name="Package">The pinned npm package.</param>
/// <param name="Located">Where the lookup order found it; null when it is not installed.</param>
/// <param name="Version">What it reports with --version; null when missing or it does not answer.</param>
/// <param name="Endpoint">The model endpoint check (only with --check).</param>
public sealed record AgentStatus(
    string Adapter,
    string DisplayName,
    AgentPackage Package,
    LocatedAgent? Located,
    string? Version,
    EndpointCheck? Endpoint)
{
    /// <summary>It reports the version zwarm is tested with.</summary>
    public bool Pinned => Version?.Contains(Package.Version, StringComparison.Ordinal) == true;
}
