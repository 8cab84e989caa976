using Zwarm.Core.Agents.Install;

namespace Zwarm.Cli.Agents;

/// <summary>One row of `zwarm agents --json`.</summary>
internal sealed record AgentView(
    string Adapter,
    string DisplayName,
    string Package,
    string PinnedVersion,
    bool Installed,
    string? Path,
    string? Source,
    string? Version,
    bool Pinned,
    string Install,
    EndpointView? Endpoint)
{
    public static AgentView From(AgentStatus s) => new(
        s.Adapter, s.DisplayName, s.Package.Name, s.Package.Version, s.Located is not null, s.Located?.Path,
        s.Located?.SourceLabel, s.Version, s.Pinned, $"zwarm agents install {s.Adapter}",
        s.Endpoint is null ? null : new EndpointView(s.Endpoint.BaseUrl, s.Endpoint.Reachable, s.Endpoint.Detail));
}

/// <summary>`--check`: the model endpoint and whether it answered (null: not checked, the public API).</summary>
internal sealed record EndpointView(string? BaseUrl, bool? Reachable, string Detail);

/// <summary>`zwarm agents install --json`.</summary>
internal sealed record InstallView(string Adapter, string Package, string Path, string Version, bool AlreadyInstalled,
    double Seconds, string? UsedBySpawn);

/// <summary>`zwarm agents use-local --json`.</summary>
internal sealed record UseLocalView(string Adapter, string ConfigPath, bool Written, bool Changed, string? Block,
    IReadOnlyList<string> Files, string? Api, string? Servers);
