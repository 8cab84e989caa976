// The client's side of remote sessions (`zwarm-worker spawn|ls|show|kill|continue --cluster CONN`). The facts come
// from PostgreSQL (active members and their gateways, the workers' advertised load, the placement table); the
// work is done by the owning worker through a client pinned to its gateway. A session is found from zwarm_sessions
// by id, never by asking every worker; only `ls` asks every active worker (at once, each with its own deadline).
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Orleans.Runtime;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Grains;
using Zwarm.Cluster.Membership;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Workers;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cluster.Sessions;

public sealed class ClusterSessions(ClusterConnection cluster, string certificatePath, bool debug)
{
    private readonly SessionsTable _placed = new(cluster, ClusterNames.ClusterId);

    /// <summary>Places a session (see <see cref="Placement"/>) and returns the worker's answer: id, worker, adapter, model.</summary>
    public async Task<string> SpawnAsync(SpawnCall call, string? on, string? label, CancellationToken cancellationToken)
    {
        using var certificate = ClusterCertificate.Load(certificatePath);
        var agent = call.Adapter is null ? null : Core.Agents.AgentRegistry.Default.Find(call.Adapter)?.Name
            ?? throw new ZwarmException(ErrorKind.Usage, $"unknown agent '{call.Adapter}'");
        var gateways = await GatewayReader.ActiveAsync(cluster, ClusterNames.ClusterId, cancellationToken).ConfigureAwait(false);
        var candidates = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
        ZwarmException? last = null;
        foreach (var worker in Placement.Order(candidates, on, label, agent))
        {
            if (!gateways.TryGetValue(worker.Name, out var gateway))
            {
                continue;
            }
            try
            {
                await using var client = await WorkerClient.ConnectAsync(worker.Name, gateway, certificate, debug, cancellationToken)
                    .ConfigureAwait(false);
                return await client.CallAsync(s => s.SpawnAsync(call with { Adapter = agent }), cancellationToken).ConfigureAwait(false);
            }
            catch (ZwarmException e) when (e.Kind is ErrorKind.External or ErrorKind.Conflict)
            {
                last = e; // died since the table said active, or filled up since its last published load: the next one
            }
        }
        throw last ?? new ZwarmException(ErrorKind.External, "no fitting worker could be reached");
    }

    /// <summary>Every session of the cluster: live from each active worker, the rest from their last-known rows.</summary>
    public async Task<IReadOnlyList<ClusterSessionRow>> ListAsync(CancellationToken cancellationToken)
    {
        using var certificate = ClusterCertificate.Load(certificatePath);
        var gateways = await GatewayReader.ActiveAsync(cluster, ClusterNames.ClusterId, cancellationToken).ConfigureAwait(false);
        var placed = await _placed.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var asked = gateways.Select(g => ListOneAsync(g.Key, g.Value, certificate, cancellationToken)).ToArray();
        var answers = await Task.WhenAll(asked).ConfigureAwait(false);
        var rows = new List<ClusterSessionRow>();
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (worker, listing) in answers)
        {
            if (listing is null)
            {
                continue;
            }
            reachable.Add(worker);
            rows.AddRange(listing.RootElement.EnumerateArray().Select(s => new ClusterSessionRow(worker, true, s.Clone())));
        }
        foreach (var row in placed.Where(p => !reachable.Contains(p.Worker)))
        {
            using var summary = JsonDocument.Parse(row.Summary);
            rows.Add(new ClusterSessionRow(row.Worker, false, summary.RootElement.Clone()));
        }
        return [.. rows.OrderBy(r => r.Summary.TryGetProperty("created_at", out var c) ? c.GetString() : "", StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public Task<string> ShowAsync(string id, CancellationToken cancellationToken) =>
        RouteAsync(id, (s, full) => s.ShowAsync(full), cancellationToken);

    public Task<string> KillAsync(string id, CancellationToken cancellationToken) =>
        RouteAsync(id, (s, full) => s.KillAsync(full), cancellationToken);

    public Task<string> ContinueAsync(string id, string message, CancellationToken cancellationToken) =>
        RouteAsync(id, (s, full) => s.ContinueAsync(full, message), cancellationToken);

    private async Task<string> RouteAsync(string id, Func<ISessionsGrain, string, Task<SessionReply>> call, CancellationToken cancellationToken)
    {
        using var certificate = ClusterCertificate.Load(certificatePath);
        var prefix = SessionId.Normalize(id);
        if (prefix.Length == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "the session id is empty");
        }
        var matches = await _placed.FindAsync(prefix, cancellationToken).ConfigureAwait(false);
        var session = matches.Count switch
        {
            0 => throw new ZwarmException(ErrorKind.NotFound, $"no session of the cluster matches '{id}'"),
            > 1 when matches.All(m => m.Id != prefix) => throw new ZwarmException(ErrorKind.Ambiguous,
                $"'{id}' matches several sessions of the cluster ({matches[0].Id}, {matches[1].Id}, ...): give more of the id"),
            _ => matches.FirstOrDefault(m => m.Id == prefix) ?? matches[0],
        };
        var gateways = await GatewayReader.ActiveAsync(cluster, ClusterNames.ClusterId, cancellationToken).ConfigureAwait(false);
        if (!gateways.TryGetValue(session.Worker, out var gateway))
        {
            throw new ZwarmException(ErrorKind.External,
                $"session {session.Id} is on worker {session.Worker}, which is unreachable (not an active member of the cluster)");
        }
        await using var client = await WorkerClient.ConnectAsync(session.Worker, gateway, certificate, debug, cancellationToken)
            .ConfigureAwait(false);
        return await client.CallAsync(s => call(s, session.Id), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Worker, JsonDocument? Listing)> ListOneAsync(string worker, IPEndPoint gateway,
        X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await WorkerClient.ConnectAsync(worker, gateway, certificate, debug, cancellationToken).ConfigureAwait(false);
            return (worker, JsonDocument.Parse(await client.CallAsync(s => s.ListAsync(), cancellationToken).ConfigureAwait(false)));
        }
        catch (ZwarmException e) when (e.Kind == ErrorKind.External)
        {
            return (worker, null); // dead since the table said active: its sessions are shown from their last-known rows
        }
    }

    private async Task<IReadOnlyList<PlacementCandidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<MembershipRecord> members;
        await using (var db = await cluster.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            members = await MembershipTableReader.ReadAsync(db, ClusterNames.ClusterId, cancellationToken).ConfigureAwait(false);
        }
        var facts = await new WorkerFactsTable(cluster, ClusterNames.ClusterId).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return [.. members
            .Where(m => m.Status == SiloStatus.Active)
            .GroupBy(m => m.Name)
            .Select(g => g.MaxBy(m => m.Silo.Generation)!)
            .Select(m => facts.GetValueOrDefault(m.Silo) is { } f ? new PlacementCandidate(f.Name, f.Running, f.MaxSessions, f.Labels, f.Agents) : null)
            .OfType<PlacementCandidate>()];
    }
}
