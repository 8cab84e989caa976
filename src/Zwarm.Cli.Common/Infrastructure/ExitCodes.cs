// Every exit code zwarm returns, in one place (documented in the README's "Exit codes" section).
using Zwarm.Core;

namespace Zwarm.Cli.Infrastructure;

internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The operation ran but its subject failed (e.g. `wait`/`--wait` on a session that failed or was killed).</summary>
    public const int SessionFailed = 1;
    /// <summary>Bad command line or bad input (unknown option, malformed id, unknown adapter).</summary>
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Ambiguous = 4;
    /// <summary>The request conflicts with the session's state (continue while running, rm a running session).</summary>
    public const int Conflict = 5;
    /// <summary>An agent CLI is not installed.</summary>
    public const int AgentMissing = 6;
    public const int Timeout = 7;
    public const int ConfigError = 8;
    /// <summary>The state directory cannot be used (unwritable, corrupt file, lock held too long).</summary>
    public const int StateError = 9;
    /// <summary>An external service failed (model endpoint unreachable, API error).</summary>
    public const int External = 10;
    /// <summary>`orchestrate` stopped at its step limit without finishing (resume it to go on).</summary>
    public const int StepLimit = 11;
    /// <summary>`orchestrate` was stopped by a watcher's ABORT (budget spent, forbidden action).</summary>
    public const int Aborted = 12;
    /// <summary>`orchestrate` was paused by a watcher for a human to decide (resume it to go on).</summary>
    public const int Paused = 13;
    /// <summary>The zwarm binary a verb is handed to (zwarm-llm, zwarm-mcp) is missing beside the lean zwarm, or cannot run.</summary>
    public const int BinaryMissing = 14;
    /// <summary>`__readonly-exec` could not make its program read-only, so it ran nothing (126: the shell's "cannot execute").</summary>
    public const int CannotEnforce = 126;
    /// <summary>A bug: an unexpected exception (details with ZWARM_DEBUG=1).</summary>
    public const int Internal = 70;
    /// <summary>Interrupted by Ctrl-C.</summary>
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
        ErrorKind.BinaryMissing => BinaryMissing,
        _ => Internal,
    };
}
