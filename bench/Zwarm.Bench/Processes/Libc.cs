// The few libc calls the benchmark needs to spawn and measure children exactly (see ChildProcess).
using System.Runtime.InteropServices;

namespace Zwarm.Bench.Processes;

internal static class Libc
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_CREAT = 0x40;
    public const int O_TRUNC = 0x200;
    public const int EINTR = 4;
    public const int SIGKILL = 9;

    [StructLayout(LayoutKind.Sequential)]
    public struct RUsage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }

    [DllImport("libc")]
    public static extern int posix_spawn_file_actions_init(IntPtr actions);

    [DllImport("libc")]
    public static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, string path, int flags, int mode);

    [DllImport("libc")]
    public static extern int posix_spawn_file_actions_destroy(IntPtr actions);

    [DllImport("libc")]
    public static extern int posix_spawnp(out int pid, string file, IntPtr actions, IntPtr attributes, string?[] argv, string?[] envp);

    [DllImport("libc", SetLastError = true)]
    public static extern int wait4(int pid, out int status, int options, out RUsage usage);

    [DllImport("libc", SetLastError = true)]
    public static extern int kill(int pid, int signal);
}
