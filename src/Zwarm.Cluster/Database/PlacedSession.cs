namespace Zwarm.Cluster.Database;

/// <summary>One row of zwarm_sessions: a session's id, the worker that owns it, its last-known `ls --json` object.</summary>
public sealed record PlacedSession(string Id, string Worker, string Summary);
