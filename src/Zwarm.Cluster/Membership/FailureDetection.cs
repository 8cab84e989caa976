// How fast the cluster declares a member dead. Orleans' defaults (5 s probes, 3 misses, 2 votes, 60 s table refresh,
// 30 s heartbeats) take 30 s or more; zwarm aims at ~10 s for a worker killed with SIGKILL or cut off the network,
// which is what a user waiting on `zwarm workers` or a placement notices. Each member probes every other (up to 10),
// a probe times out after 1-2 s, three missed probes make a suspicion, two suspicions (or a majority of a smaller
// cluster) a death. Measured bound: docs/cluster.md.
using Orleans.Configuration;

namespace Zwarm.Cluster.Membership;

public static class FailureDetection
{
    /// <summary>The bound zwarm promises (and the tests assert) for a killed or cut-off worker to show as dead.</summary>
    public static readonly TimeSpan DeclaredDeadWithin = TimeSpan.FromSeconds(10);

    public static void Configure(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.MinProbeTimeout = TimeSpan.FromMilliseconds(500);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.NumProbedSilos = 10;
        options.NumVotesForDeathDeclaration = 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        // Heartbeats in the table: what `workers` shows as the last heartbeat's age, and what marks a row stale.
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.NumMissedTableIAmAliveLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.MaxJoinAttemptTime = TimeSpan.FromSeconds(60);
        // A dead worker stays listed (as dead) for a day, then its row is removed.
        options.DefunctSiloExpiration = TimeSpan.FromDays(1);
        options.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1);
    }
}
