namespace Zwarm.Core.Health;

/// <summary>The doctor's findings (its JSON shape is `zwarm doctor --json`).</summary>
public sealed record HealthReport(string StateDirectory, bool StateWritable, string? StateProblem, IReadOnlyList<AgentHealth> Agents,
    IReadOnlyList<KeyHealth> ApiKeys, string? ConfigFile, string? ConfigError, bool Setsid, LlmVerbsHealth LlmVerbs,
    IReadOnlyList<string> Leftovers, GitHealth? Git = null, IReadOnlyList<McpClientHealth>? McpClients = null,
    Sandbox.SandboxSupport? ReadOnlyBash = null)
{
    /// <summary>
    /// Usable: a writable state dir, a valid config, setsid, the LLM verbs' binary, and at least one agent CLI. <see cref="Git"/>
    /// is reported but not required (only isolated sessions need it), nor is an MCP client's registration
    /// (<see cref="McpClients"/>), nor a kernel that can make the orchestrator's bash read-only (<see cref="ReadOnlyBash"/>).
    /// </summary>
    public bool Healthy => StateWritable && StateProblem is null && ConfigError is null && Setsid && LlmVerbs.Available
        && Agents.Any(a => a.Problem is null);
}
