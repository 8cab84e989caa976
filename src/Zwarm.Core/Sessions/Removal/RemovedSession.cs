namespace Zwarm.Core.Sessions;

/// <summary>A removed session: its last state (null for a damaged or half-made folder, with the problem named).</summary>
public sealed record RemovedSession(string Id, SessionMeta? Meta, string? Problem);
