namespace Zwarm.Core.Agents.Local;

/// <summary>What `zwarm agents use-local AGENT` was asked for.</summary>
/// <param name="BaseUrl">The model server, as the user gave it (with or without /v1).</param>
/// <param name="Model">The model to ask for; null leaves the CLI's default.</param>
/// <param name="ApiKeyVariable">The variable holding the server's key; null when the server needs none.</param>
/// <param name="PrivateHome">A folder the adapter may use as the CLI's private config home (created 0700).</param>
public sealed record LocalModelRequest(string BaseUrl, string? Model, string? ApiKeyVariable, string PrivateHome);
