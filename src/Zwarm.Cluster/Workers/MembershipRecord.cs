using Orleans.Runtime;

namespace Zwarm.Cluster.Workers;

/// <summary>One entry of the membership view, from Orleans (a live cluster) or straight from the table (none alive).</summary>
internal sealed record MembershipRecord(SiloKey Silo, string Name, SiloStatus Status, DateTime StartTimeUtc, DateTime IAmAliveUtc);
