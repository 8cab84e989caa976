using System.Net;
using Zwarm.Cluster.Database;

namespace Zwarm.Cluster.Workers;

/// <summary>
/// One worker's command line, parsed: where the cluster is, what the worker is called and advertises, where it
/// listens (silo port; the gateway for clients is the next port), its certificate and its local state directory.
/// </summary>
public sealed record WorkerSettings(
    ClusterConnection Cluster,
    string Name,
    int MaxSessions,
    IReadOnlyList<string> Labels,
    IPEndPoint? Listen,
    string CertificatePath,
    string StateDirectory)
{
    /// <summary>Orleans' defaults: silo-to-silo traffic on 11111, clients on the gateway port 30000.</summary>
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
}
