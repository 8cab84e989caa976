namespace Zwarm.Cluster.Sessions;

/// <summary>An active worker as placement sees it: its name, load, capacity, labels and installed agents.</summary>
public sealed record PlacementCandidate(string Name, int Running, int MaxSessions, IReadOnlyList<string> Labels, IReadOnlyList<string> Agents);
