namespace Zwarm.Core.Processes;

/// <summary>Names the signal behind a shell-style exit status (128 + N).</summary>
internal static class Signals
{
    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
    ];

    /// <summary>"SIGKILL" for 137, null for an exit code that does not denote a signal.</summary>
    public static string? FromExitCode(int exitCode)
    {
        var n = exitCode - 128;
        return n > 0 && n < Names.Length ? Names[n] : null;
    }
}
