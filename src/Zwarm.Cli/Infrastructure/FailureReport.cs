// Turns an exception from a command into one line on stderr plus a named exit code — never a stack trace (set
// ZWARM_DEBUG=1 to see one for an unexpected error). Shared by the verbs and the REPL, which carries on after it.
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Infrastructure;

internal static class FailureReport
{
    /// <summary>The command was cancelled by Ctrl-C.</summary>
    public static int Interrupted(Terminal terminal)
    {
        terminal.Error("interrupted");
        return ExitCodes.Interrupted;
    }

    /// <summary>Reports <paramref name="error"/> and returns the exit code that goes with it.</summary>
    public static int Write(Terminal terminal, Exception error)
    {
        switch (error)
        {
            case ZwarmException e:
                terminal.Error(e.Message);
                return ExitCodes.For(e.Kind);
            case Zwarm.Core.Workspaces.MergeConflictException e:
                terminal.Error(e.Message);
                return ExitCodes.Conflict;
            case CorruptSessionException e:
                terminal.Error(e.Message);
                return ExitCodes.StateError;
            case IOException or UnauthorizedAccessException:
                terminal.Error(error.Message);
                return ExitCodes.StateError;
            default:
                terminal.Error($"internal error: {error.GetType().Name}: {error.Message}");
                if (Environment.GetEnvironmentVariable("ZWARM_DEBUG") is "1" or "true")
                {
                    terminal.Err.WriteLine(error.ToString());
                }
                return ExitCodes.Internal;
        }
    }
}
