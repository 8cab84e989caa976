// `zwarm-worker workers`: the members of the cluster and what each advertises. The membership view comes from the
// cluster itself (an Orleans client over TLS asks the management grain; a client without the cluster certificate
// is refused by every gateway), the advertised facts from zwarm's table. When no member is alive there is no gateway
// to ask, and the rows Orleans left in the table are the whole truth. Every step has a deadline: a dead database or
// an unreachable cluster is one clear error, never a hang.
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Hosting;
using Zwarm.Cluster.Membership;
using Zwarm.Cluster.Security;
using Zwarm.Core;

namespace Zwarm.Cluster.Workers;

public sealed class WorkersQuery(ClusterConnection cluster, string certificatePath, TimeProvider time, bool debug)
{
    /// <summary>How long connecting to the cluster and asking it may take in all.</summary>
    public static readonly TimeSpan ClusterDeadline = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<WorkerRow>> RunAsync(CancellationToken cancellationToken)
    {
        using var certificate = ClusterCertificate.Load(certificatePath);
        IReadOnlyList<MembershipRecord> table;
        IReadOnlyDictionary<SiloKey, WorkerFacts> facts;
        await using (var db = await cluster.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await ClusterSchema.IsAppliedAsync(db, cancellationToken).ConfigureAwait(false))
            {
                throw new ZwarmException(ErrorKind.Config,
                    $"the cluster database {cluster.Display} has no cluster schema: run `zwarm-worker cluster init` first");
            }
            table = await MembershipTableReader.ReadAsync(db, ClusterNames.ClusterId, cancellationToken).ConfigureAwait(false);
        }
        facts = await new WorkerFactsTable(cluster, ClusterNames.ClusterId).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var members = table.Any(r => r.Status == SiloStatus.Active)
            ? await AskClusterAsync(certificate, cancellationToken).ConfigureAwait(false)
            : table;
        return Rows(members, facts, time.GetUtcNow());
    }

    private async Task<IReadOnlyList<MembershipRecord>> AskClusterAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var rejected = 0;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClusterLogging.Configure(builder.Logging, debug ? LogLevel.Information : LogLevel.None);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterNames.Invariant;
                o.ConnectionString = cluster.ConnectionString;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterDeadline);
            client.UseTls(certificate, o => ClusterTls.Configure(o, certificate, () => Interlocked.Increment(ref rejected)));
            // No retries: the client already tries every gateway the table lists as active; when none takes it, waiting
            // longer does not help a user who asked for a list.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        using var host = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ClusterDeadline);
        try
        {
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            var entries = await management.GetDetailedHosts(onlyActive: false).WaitAsync(deadline.Token).ConfigureAwait(false);
            return [.. entries.Select(MembershipRecord.From)];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Refused(e, Volatile.Read(ref rejected) > 0);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await host.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested || !cancellationToken.IsCancellationRequested)
            {
                // Leaving a half-open client is harmless: the process ends right after.
            }
        }
    }

    private ZwarmException Refused(Exception error, bool certificateRejected)
    {
        if (certificateRejected)
        {
            return new ZwarmException(ErrorKind.Config,
                $"the cluster refused this client: {certificatePath} is not the cluster's certificate (TLS handshake failed)", error);
        }
        var reason = error is OperationCanceledException ? $"no answer within {ClusterDeadline.TotalSeconds:0} s" : error.Message;
        return new ZwarmException(ErrorKind.External, $"no worker of the cluster {cluster.Display} answered: {reason}", error);
    }

    private static IReadOnlyList<WorkerRow> Rows(IReadOnlyList<MembershipRecord> members,
        IReadOnlyDictionary<SiloKey, WorkerFacts> facts, DateTimeOffset now) =>
        [.. members
            // A restarted worker leaves its earlier incarnations dead in the table: show its newest one only.
            .GroupBy(m => (m.Name, m.Silo.Address))
            .Select(g => g.MaxBy(m => m.Silo.Generation)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m =>
            {
                var f = facts.GetValueOrDefault(m.Silo);
                var heartbeat = new DateTimeOffset(m.IAmAliveUtc);
                return new WorkerRow(f?.Name ?? m.Name, $"{m.Silo.Address}:{m.Silo.Port}", m.Silo.Generation,
                    MemberStatus.Name(m.Status), f?.Running, f?.MaxSessions, f?.Labels ?? [], f?.Agents ?? [],
                    new DateTimeOffset(m.StartTimeUtc), heartbeat.Year < 2000 ? null : Math.Max(0, (now - heartbeat).TotalSeconds));
            })];
}
