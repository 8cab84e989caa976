using System.CommandLine;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Security;

namespace Zwarm.Worker.Commands;

/// <summary>The options every cluster verb shares: where the cluster's database is, and the cluster certificate.</summary>
internal static class ClusterOptions
{
    public static Option<string?> Cluster() => new("--cluster")
    {
        Description = $"The cluster's PostgreSQL connection string (Npgsql syntax; default: ${ClusterConnection.EnvironmentVariable})",
        HelpName = "CONN",
    };

    public static Option<string?> Certificate() => new("--cert")
    {
        Description = $"The cluster certificate file (default: ${ClusterCertificate.EnvironmentVariable}, else ~/.config/zwarm/cluster/{ClusterCertificate.FileName})",
        HelpName = "PATH",
    };
}
