using Orleans;
using Orleans.Concurrency;
using Zwarm.Cluster.Sessions;

namespace Zwarm.Cluster.Grains;

[StatelessWorker]
internal sealed class SessionsGrain(WorkerSessions sessions) : Grain, ISessionsGrain
{
    public Task<SessionReply> SpawnAsync(SpawnCall call) => sessions.SpawnAsync(call, CancellationToken.None);

    public Task<SessionReply> ListAsync() => sessions.ListAsync(CancellationToken.None);

    public Task<SessionReply> ShowAsync(string id) => sessions.ShowAsync(id, CancellationToken.None);

    public Task<SessionReply> KillAsync(string id) => sessions.KillAsync(id, CancellationToken.None);

    public Task<SessionReply> ContinueAsync(string id, string message) => sessions.ContinueAsync(id, message, CancellationToken.None);
}
