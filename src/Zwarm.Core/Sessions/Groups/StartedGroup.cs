namespace Zwarm.Core.Sessions.Groups;

/// <summary>What `spawn --attempts` started: the group id and each attempt's session, in order.</summary>
public sealed record StartedGroup(string Group, IReadOnlyList<SessionMeta> Sessions);
