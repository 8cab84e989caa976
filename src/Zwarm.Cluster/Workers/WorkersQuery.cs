// `zwarm-worker workers`: the members of the cluster and what each advertises. The membership view comes from the
// cluster itself (an Orleans client over TLS asks the gateway's MembershipViewGrain; a client without the cluster certificate
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
using Zwarm.Cluster.Grains;
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
            ? Merge(await AskClusterAsync(certificate, cancellationToken).ConfigureAwait(false), table)
            : table;
        return Rows(members, facts, time.GetUtcNow());
    }

    /// <summary>The cluster's statuses with the table's times (start, last heartbeat), which the snapshot does not carry.</summary>
    private static IReadOnlyList<MembershipRecord> Merge(IReadOnlyList<MemberView> cluster, IReadOnlyList<MembershipRecord> table)
    {
        var times = table.ToDictionary(r => r.Silo);
        return [.. cluster.Select(m =>
        {
            var key = SiloKey.From(m.Silo);
            var row = times.GetValueOrDefault(key);
            return new MembershipRecord(key, m.Name, m.Status, row?.StartTimeUtc ?? default, row?.IAmAliveUtc ?? default);
        })];
    }

    private async Task<IReadOnlyList<MemberView>> AskClusterAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        // The membership table lists every active gateway; the client tries each once.
        var client = ClusterClientHost.Build(certificate, ClusterDeadline, debug, c => c.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterNames.Invariant;
            o.ConnectionString = cluster.ConnectionString;
        }));
        using var host = client.Host;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ClusterDeadline);
        try
        {
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            var view = host.Services.GetRequiredService<IClusterClient>().GetGrain<IMembershipViewGrain>(0);
            return await view.GetMembersAsync().WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Refused(e, client.Rejected);
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

    private static DateTimeOffset? Known(DateTime utc) =>
        utc == default ? null : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    internal static IReadOnlyList<WorkerRow> Rows(IReadOnlyList<MembershipRecord> members,
        IReadOnlyDictionary<SiloKey, WorkerFacts> facts, DateTimeOffset now) =>
        [.. members
            // A restarted worker leaves its earlier incarnations dead in the table: show its newest one only.
            .GroupBy(m => (m.Name, m.Silo.Address))
            .Select(g => g.MaxBy(m => m.Silo.Generation)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m =>
            {
                var f = facts.GetValueOrDefault(m.Silo);
                return new WorkerRow(f?.Name ?? m.Name, $"{m.Silo.Address}:{m.Silo.Port}", m.Silo.Generation,
                    MemberStatus.Name(m.Status), f?.Running, f?.MaxSessions, f?.Labels ?? [], f?.Agents ?? [],
                    Known(m.StartTimeUtc), Known(m.IAmAliveUtc) is { } heartbeat ? Math.Max(0, (now - heartbeat).TotalSeconds) : null);
            })];
}
