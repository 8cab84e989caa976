namespace Zwarm.Core.Sessions;

/// <summary>A session folder that could not be listed, and why.</summary>
public sealed record SessionProblem(string Id, string Reason);
