namespace Zwarm.Cluster.Workers;

/// <summary>
/// What a worker advertises: its name, how many sessions it takes at most, its labels, the agent CLIs installed on
/// its machine and how many sessions of its local store are running now.
/// </summary>
public sealed record WorkerFacts(string Name, int MaxSessions, IReadOnlyList<string> Labels, IReadOnlyList<string> Agents, int Running);
