using System.Text.Json;

namespace Zwarm.Cluster.Sessions;

/// <summary>
/// One session in the cluster's `ls`: its worker, whether that worker answered, and its `ls --json` object (live from the
/// worker, or the last-known row from zwarm_sessions when the worker is unreachable).
/// </summary>
public sealed record ClusterSessionRow(string Worker, bool Reachable, JsonElement Summary)
{
    public string Id => Summary.GetProperty("id").GetString() ?? "";

    /// <summary>The status to show: the worker's, or `unreachable` (derived here, never written to the session's meta.json).</summary>
    public string Status => Reachable ? Summary.GetProperty("status").GetString() ?? "" : "unreachable";
}
