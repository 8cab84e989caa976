// The one way zwarm builds an Orleans cluster client: the cluster's ids, TLS with the cluster certificate (counting
// handshakes the other side refused, so a wrong certificate is told apart from an unreachable cluster), a response
// deadline, and no connection retries (a user who asked for a list or a session gets one clear error, not a wait).
// Callers choose how gateways are found: the membership table (`workers`) or one worker's gateway (WorkerClient).
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Membership;

namespace Zwarm.Cluster.Hosting;

internal sealed class ClusterClientHost
{
    private int _rejected;

    private ClusterClientHost(IHost host)
    {
        Host = host;
    }

    public IHost Host { get; }

    /// <summary>True when a peer refused this client's TLS handshake (its certificate is not the cluster's).</summary>
    public bool Rejected => Volatile.Read(ref _rejected) > 0;

    public static ClusterClientHost Build(X509Certificate2 certificate, TimeSpan responseTimeout, bool debug,
        Action<IClientBuilder> gateways)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClusterLogging.Configure(builder.Logging, debug ? LogLevel.Information : LogLevel.None);
        ClusterClientHost? result = null;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ServiceId;
            });
            gateways(client);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            client.UseTls(certificate, o => ClusterTls.Configure(o, certificate, () => Interlocked.Increment(ref result!._rejected)));
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        result = new ClusterClientHost(builder.Build());
        return result;
    }
}
