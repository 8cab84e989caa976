using Orleans;
using Zwarm.Core;

namespace Zwarm.Cluster.Grains;

/// <summary>
/// A worker's answer: JSON text on success, or a ZwarmException's kind (as its number) and message. Failures travel as
/// data, not as exceptions, so the client prints the worker's own line with the same exit code a local run would.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionReply([property: Id(0)] int? ErrorKind, [property: Id(1)] string Text)
{
    public static SessionReply Ok(string json) => new(null, json);

    public static SessionReply Failed(ZwarmException e) => new((int)e.Kind, e.Message);

    /// <summary>The JSON text, or the worker's failure thrown here as the same ZwarmException.</summary>
    public string Json(string worker) => ErrorKind is { } kind
        ? throw new ZwarmException((Core.ErrorKind)kind, $"{Text} (on worker {worker})")
        : Text;
}
