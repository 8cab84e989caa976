using Orleans;

namespace Zwarm.Cluster.Grains;

/// <summary>
/// A worker's sessions, run by zwarm's own Core use-cases against the worker's local store. A stateless worker: the
/// activation is on the silo whose gateway received the call, so a client connected to one worker's gateway only
/// reaches that worker's store. Every reply carries JSON (the CLI's own shapes) or a failure (kind and one line).
/// </summary>
public interface ISessionsGrain : IGrainWithIntegerKey
{
    Task<SessionReply> SpawnAsync(SpawnCall call);

    /// <summary>The `ls --json` array of every session in this worker's store.</summary>
    Task<SessionReply> ListAsync();

    /// <summary>The `show --json` object of one session (every turn).</summary>
    Task<SessionReply> ShowAsync(string id);

    Task<SessionReply> KillAsync(string id);

    Task<SessionReply> ContinueAsync(string id, string message);
}
