// `zwarm-worker worker`: one Orleans silo in the cluster whose membership lives in PostgreSQL (ADO.NET clustering),
// reachable only over TLS with the cluster certificate, with zwarm's failure detection settings, publishing its facts.
// The database and the certificate are checked before Orleans starts, so a wrong set-up is one clear line.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Membership;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Sessions;
using Zwarm.Cluster.Workers;
using Zwarm.Core;
using Zwarm.Core.Config;

namespace Zwarm.Cluster.Hosting;

public static class WorkerHost
{
    public static async Task<IHost> BuildAsync(WorkerSettings settings, ZwarmContext context, CancellationToken cancellationToken)
    {
        var certificate = ClusterCertificate.Load(settings.CertificatePath);
        await using (var db = await settings.Cluster.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await ClusterSchema.IsAppliedAsync(db, cancellationToken).ConfigureAwait(false))
            {
                throw new ZwarmException(ErrorKind.Config,
                    $"the cluster database {settings.Cluster.Display} has no cluster schema: run `zwarm-worker cluster init` first");
            }
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClusterLogging.Configure(builder.Logging, LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = settings.Name);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterNames.Invariant;
                o.ConnectionString = settings.Cluster.ConnectionString;
            });
            if (settings.Listen is { } listen)
            {
                silo.ConfigureEndpoints(listen.Address, listen.Port, listen.Port + 1, listenOnAnyHostAddress: false);
            }
            else
            {
                silo.ConfigureEndpoints(WorkerSettings.DefaultSiloPort, WorkerSettings.DefaultGatewayPort);
            }
            silo.Configure<ClusterMembershipOptions>(FailureDetection.Configure);
            silo.UseTls(certificate, o => ClusterTls.Configure(o, certificate));
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(new WorkerFactsTable(settings.Cluster, ClusterNames.ClusterId));
        builder.Services.AddSingleton(new SessionsTable(settings.Cluster, ClusterNames.ClusterId));
        builder.Services.AddSingleton<WorkerSessions>();
        builder.Services.AddHostedService<FactsPublisher>();
        return builder.Build();
    }

    /// <summary>Parses --listen ADDR:PORT (an IP address: the one other machines reach this worker at).</summary>
    public static IPEndPoint ParseListen(string value)
    {
        if (!IPEndPoint.TryParse(value, out var endpoint) || endpoint.Port is 0 or >= 65535)
        {
            throw new ZwarmException(ErrorKind.Usage, $"--listen wants ADDRESS:PORT with an IP address (e.g. 10.0.0.5:11111), not '{value}'");
        }
        return endpoint;
    }
}
