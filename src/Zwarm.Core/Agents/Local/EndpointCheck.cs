namespace Zwarm.Core.Agents.Local;

/// <summary>Whether an agent's model endpoint answers.</summary>
/// <param name="BaseUrl">The configured base URL; null when the agent uses its vendor's public API (not checked).</param>
/// <param name="Reachable">An HTTP answer came back (any status: the server is there); null when not checked.</param>
/// <param name="Detail">"HTTP 200 from GET .../v1/models", "connection refused", "uses the public API (not checked)".</param>
public sealed record EndpointCheck(string? BaseUrl, bool? Reachable, string Detail);
