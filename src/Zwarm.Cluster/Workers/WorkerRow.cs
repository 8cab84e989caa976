namespace Zwarm.Cluster.Workers;

/// <summary>
/// One member as `zwarm-worker workers` lists it: Orleans' view of it (address, status, last heartbeat) joined with
/// the facts it advertised (null when it never published any, e.g. it died while joining).
/// </summary>
public sealed record WorkerRow(
    string Name,
    string Address,
    int Generation,
    string Status,
    int? Running,
    int? MaxSessions,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Agents,
    DateTimeOffset? StartedAt,
    double? HeartbeatAgeSeconds);
