namespace Zwarm.ScriptedModels.Agents;

/// <summary>Settings for <see cref="AgentCliEnvironment.ForCodex"/>.</summary>
public sealed record CodexEnvironmentOptions
{
    /// <summary>A model slug bundled with Codex 0.169.0, which avoids a "model metadata not found" warning item.</summary>
    public string Model { get; init; } = "gpt-5.5";

    public string ApiKey { get; init; } = AgentCliEnvironment.DefaultApiKey;

    /// <summary>Points <c>HOME</c> at a fresh folder (see <see cref="ClaudeEnvironmentOptions.IsolatedHome"/>).</summary>
    public bool IsolatedHome { get; init; }

    /// <summary>Extra TOML appended verbatim to config.toml (e.g. <c>[mcp_servers.zwarm]</c> tables).</summary>
    public string? AdditionalToml { get; init; }
}
