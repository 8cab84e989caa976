namespace Zwarm.Core.Agents.Install;

/// <summary>The npm package of an agent CLI at the version zwarm is tested with (`zwarm agents install` installs it).</summary>
/// <param name="Name">npm package name ("@openai/codex").</param>
/// <param name="Version">The pinned version ("0.169.0"); the same pins as scripts/install-agent-clis.sh.</param>
public sealed record AgentPackage(string Name, string Version)
{
    /// <summary>The npm install spec, "@openai/codex@0.169.0".</summary>
    public string Spec => $"{Name}@{Version}";
}
