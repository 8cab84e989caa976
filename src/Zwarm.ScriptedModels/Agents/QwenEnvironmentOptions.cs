namespace Zwarm.ScriptedModels.Agents;

/// <summary>Settings for <see cref="AgentCliEnvironment.ForQwen"/>.</summary>
public sealed record QwenEnvironmentOptions
{
    /// <summary>
    /// The model Qwen asks for (<c>OPENAI_MODEL</c>); a model in zwarm's price table, so tests can check the cost.
    /// </summary>
    public string Model { get; init; } = "qwen3-coder-plus";

    public string ApiKey { get; init; } = AgentCliEnvironment.DefaultApiKey;

    /// <summary>Points <c>HOME</c> at a fresh folder (see <see cref="ClaudeEnvironmentOptions.IsolatedHome"/>).</summary>
    public bool IsolatedHome { get; init; }
}
