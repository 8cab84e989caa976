using Orleans;

namespace Zwarm.Cluster.Grains;

/// <summary>What a remote `spawn` asks a worker for. Null fields take the worker's config defaults; Directory is a path on the worker.</summary>
[GenerateSerializer, Immutable]
public sealed record SpawnCall(
    [property: Id(0)] string Task,
    [property: Id(1)] string? Adapter,
    [property: Id(2)] string? Model,
    [property: Id(3)] string? Directory);
