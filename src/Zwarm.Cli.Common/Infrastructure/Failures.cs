// What a failure is to the user: one line and a named exit code — never a stack trace (ZWARM_DEBUG=1 shows one for
// an unexpected error). Shared by every entry point: FailureReport writes it to the terminal, zwarm-mcp to stderr.
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Infrastructure;

/// <summary>The one line (without the "zwarm: " prefix) and exit code of a failure; Unexpected when it is a bug.</summary>
internal readonly record struct Failure(string Message, int Code, bool Unexpected);

internal static class Failures
{
    /// <summary>Whether an unexpected error also prints its stack trace.</summary>
    public static bool Debug => Environment.GetEnvironmentVariable("ZWARM_DEBUG") is "1" or "true";

    public static Failure Describe(Exception error) => error switch
    {
        ZwarmException e => new(e.Message, ExitCodes.For(e.Kind), false),
        Zwarm.Core.Workspaces.MergeConflictException e => new(e.Message, ExitCodes.Conflict, false),
        CorruptSessionException e => new(e.Message, ExitCodes.StateError, false),
        IOException or UnauthorizedAccessException => new(error.Message, ExitCodes.StateError, false),
        _ => new($"internal error: {error.GetType().Name}: {error.Message}", ExitCodes.Internal, true),
    };
}
