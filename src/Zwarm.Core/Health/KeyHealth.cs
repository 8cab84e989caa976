namespace Zwarm.Core.Health;

/// <summary>Whether an API key or agent setting is present in the environment (its value is never read out).</summary>
public sealed record KeyHealth(string Name, bool Present);
