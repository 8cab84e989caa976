namespace Zwarm.ScriptedModels.Agents;

/// <summary>Settings for <see cref="AgentCliEnvironment.ForOpenCode"/>.</summary>
public sealed record OpenCodeEnvironmentOptions
{
    /// <summary>The provider id in the generated config; the model is "PROVIDER/MODEL".</summary>
    public string Provider { get; init; } = "scripted";

    /// <summary>The model name sent to the server (gpt-5.5 has a list price in zwarm's price table).</summary>
    public string Model { get; init; } = "gpt-5.5";

    public string ApiKey { get; init; } = AgentCliEnvironment.DefaultApiKey;

    /// <summary>OPENCODE_PERMISSION for the run (e.g. <c>{"bash":"ask"}</c>); null leaves opencode's defaults.</summary>
    public string? Permission { get; init; }

    /// <summary>"provider/model", as opencode names it.</summary>
    public string QualifiedModel => $"{Provider}/{Model}";
}
