using Orleans;
using Orleans.Runtime;

namespace Zwarm.Cluster.Grains;

/// <summary>One member as the answering worker sees it (Orleans' membership snapshot, kept current by probes and gossip).</summary>
[GenerateSerializer, Immutable]
public sealed record MemberView([property: Id(0)] SiloAddress Silo, [property: Id(1)] SiloStatus Status, [property: Id(2)] string Name);
