// Turns an exception from a command into one line on stderr plus a named exit code (Failures) — never a stack
// trace (set ZWARM_DEBUG=1 to see one for an unexpected error). Shared by the verbs and the REPL, which carries on after it.
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
        var failure = Failures.Describe(error);
        terminal.Error(failure.Message);
        if (failure.Unexpected && Failures.Debug)
        {
            terminal.Err.WriteLine(error.ToString());
        }
        return failure.Code;
    }
}
