// libc calls the BCL does not expose: signalling a process group, the effective user id. LibraryImport keeps it Native-AOT friendly.
using System.Runtime.InteropServices;

namespace Zwarm.Core.Processes;

internal static partial class Native
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    public const int ESRCH = 3;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int sig);

    /// <summary>kill(2). Returns true when the signal was delivered.</summary>
    public static bool Kill(int pid, int signal) => KillNative(pid, signal) == 0;

    /// <summary>Signals every process of process group <paramref name="pgid"/>.</summary>
    public static bool KillGroup(int pgid, int signal) => pgid > 1 && KillNative(-pgid, signal) == 0;

    /// <summary>geteuid(2): the user whose processes this one may signal.</summary>
    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();
}
