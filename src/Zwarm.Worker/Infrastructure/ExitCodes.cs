// zwarm-worker's exit codes: the same numbers as the lean `zwarm` (src/Zwarm.Cli/Infrastructure/ExitCodes.cs), so a
// script sees one table whichever binary ran the verb.
using Zwarm.Core;

namespace Zwarm.Worker.Infrastructure;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Ambiguous = 4;
    /// <summary>No worker fits a spawn (all full, the agent missing), or a session's state forbids the request.</summary>
    public const int Conflict = 5;
    public const int AgentMissing = 6;
    public const int Timeout = 7;
    /// <summary>No or unreadable cluster certificate, a cluster database without the schema.</summary>
    public const int ConfigError = 8;
    public const int StateError = 9;
    /// <summary>The cluster's PostgreSQL cannot be reached, or no worker of the cluster accepted this client.</summary>
    public const int External = 10;
    public const int Internal = 70;
    public const int Interrupted = 130;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => Usage,
        ErrorKind.NotFound => NotFound,
        ErrorKind.Ambiguous => Ambiguous,
        ErrorKind.Conflict => Conflict,
        ErrorKind.AgentMissing => AgentMissing,
        ErrorKind.Timeout => Timeout,
        ErrorKind.Config => ConfigError,
        ErrorKind.State => StateError,
        ErrorKind.External => External,
        _ => Internal,
    };
}
