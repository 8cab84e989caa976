namespace Zwarm.Cluster.Membership;

/// <summary>Orleans' cluster and service ids of a zwarm cluster: one per database (the database is the cluster).</summary>
public static class ClusterNames
{
    public const string ClusterId = "zwarm";
    public const string ServiceId = "zwarm";

    /// <summary>The ADO.NET provider invariant Orleans' clustering needs for PostgreSQL.</summary>
    public const string Invariant = "Npgsql";
}
