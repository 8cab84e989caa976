namespace Zwarm.ScriptedModels.Agents;

/// <summary>Settings for <see cref="AgentCliEnvironment.ForGemini"/>.</summary>
public sealed record GeminiEnvironmentOptions
{
    public string ApiKey { get; init; } = AgentCliEnvironment.DefaultApiKey;

    /// <summary>
    /// Sets <c>GEMINI_MODEL</c> when given. Unset, Gemini CLI 0.61 uses "auto": a router request to
    /// gemini-3.5-flash-lite first, then the turn on gemini-3.1-pro-preview.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Points <c>HOME</c> at a fresh folder too (see <see cref="ClaudeEnvironmentOptions.IsolatedHome"/>).</summary>
    public bool IsolatedHome { get; init; }
}
