namespace Zwarm.Cluster.Tests.Membership;

/// <summary>The labs run one at a time: each is three JIT processes and a PostgreSQL on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster lab";
}
