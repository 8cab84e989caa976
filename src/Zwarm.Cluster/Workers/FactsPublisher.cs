// Keeps this worker's row in zwarm_worker_facts current: written once the silo has joined, then every few seconds
// with the number of running sessions of the worker's local store; the sessions whose `ls` row changed since the
// last round are rewritten in zwarm_sessions (their last-known rows, shown when this worker is unreachable). A database hiccup is logged and retried on the
// next round; it never stops the worker (Orleans' membership has its own retries).
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Sessions;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Cluster.Workers;

internal sealed partial class FactsPublisher(
    ILocalSiloDetails silo, WorkerFactsTable table, SessionsTable placed, WorkerSettings settings, ZwarmContext context,
    WorkerSessions sessions, ILogger<FactsPublisher> logger) : BackgroundService
{
    /// <summary>How often the load is re-read and re-published.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var key = SiloKey.From(silo.SiloAddress);
        var agents = LocalAgents.Find(context);
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await table.PruneAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPublishFailed(logger, e.Message);
        }
        LogJoined(logger, settings.Name, silo.SiloAddress.ToString(), settings.Cluster.Display, settings.MaxSessions,
            string.Join(',', settings.Labels), string.Join(',', agents));
        using var timer = new PeriodicTimer(Period, context.Time);
        do
        {
            try
            {
                var listing = (await sessions.Service.ListAsync(stoppingToken).ConfigureAwait(false)).Sessions;
                var running = listing.Count(s => s.Status is SessionStatus.Running or SessionStatus.Pending);
                var changed = new List<PlacedSession>();
                foreach (var summary in listing)
                {
                    var json = WorkerSessions.SummaryJson(summary);
                    if (!published.TryGetValue(summary.Id, out var last) || last != json)
                    {
                        changed.Add(new PlacedSession(summary.Id, settings.Name, json));
                    }
                }
                await placed.UpsertAsync(changed, stoppingToken).ConfigureAwait(false);
                foreach (var row in changed)
                {
                    published[row.Id] = row.Summary;
                }
                await table.UpsertAsync(key, new WorkerFacts(settings.Name, settings.MaxSessions, settings.Labels, agents, running),
                    stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPublishFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "worker {Name} is in the cluster at {Database} as {Silo} (max {Max} sessions; labels [{Labels}]; agents [{Agents}])")]
    private static partial void LogJoined(ILogger logger, string name, string silo, string database, int max, string labels, string agents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not publish this worker's facts: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string reason);
}
