// Runs one child process and measures it exactly: posix_spawn, then wait4 for its exit status and its CPU time
// (user + system). stdout goes to a file or /dev/null, stdin comes from /dev/null, stderr is inherited. The runtime
// only reaps children it started itself, so it never steals our wait4.
//
// Peak RSS needs a detour: glibc's posix_spawn shares this process's memory until exec (vfork), and the kernel
// folds the pre-exec memory into the child's ru_maxrss, so every child would report at least the benchmark's own
// RSS. With measureMemory the command runs under GNU time, which forks from its own small image; wall and CPU time
// then include that extra fork, so time figures come from runs without it.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Zwarm.Bench.Processes;

internal static class ChildProcess
{
    // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit Linux; leave room.
    private const int FileActionsSize = 256;
    private const string GnuTime = "/usr/bin/time";

    /// <summary>
    /// Runs <paramref name="argv"/> (argv[0] is looked up on PATH) to completion. MaxRssKb is -1 unless
    /// <paramref name="measureMemory"/> (and GNU time is installed).
    /// </summary>
    public static ChildResult Run(IReadOnlyList<string> argv, string? stdoutPath = null,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, bool measureMemory = false)
    {
        if (!measureMemory || !File.Exists(GnuTime))
        {
            return Spawn(argv, stdoutPath, extraEnvironment);
        }
        var report = Path.GetTempFileName();
        try
        {
            var result = Spawn([GnuTime, "-f", "%M", "-o", report, .. argv], stdoutPath, extraEnvironment);
            return long.TryParse(File.ReadAllLines(report).LastOrDefault(), out var kb) ? result with { MaxRssKb = kb } : result;
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Like <see cref="Run"/>, and fails loudly on a non-zero exit code.</summary>
    public static ChildResult RunChecked(IReadOnlyList<string> argv, string? stdoutPath = null,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, bool measureMemory = false)
    {
        var result = Run(argv, stdoutPath, extraEnvironment, measureMemory);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"'{string.Join(' ', argv)}' exited with {result.ExitCode}");
    }

    private static ChildResult Spawn(IReadOnlyList<string> argv, string? stdoutPath,
        IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        var env = BuildEnvironment(extraEnvironment);
        string?[] args = [.. argv, null];
        var actions = Marshal.AllocHGlobal(FileActionsSize);
        try
        {
            Check(Libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(Libc.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", Libc.O_RDONLY, 0), "addopen stdin");
            Check(Libc.posix_spawn_file_actions_addopen(actions, 1, stdoutPath ?? "/dev/null",
                Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC, 420 /* 0644 */), "addopen stdout");

            var clock = Stopwatch.StartNew();
            Check(Libc.posix_spawnp(out var pid, argv[0], actions, IntPtr.Zero, args, env), $"posix_spawnp {argv[0]}");
            using var watchdog = new Timer(_ => Libc.kill(pid, Libc.SIGKILL), null, TimeSpan.FromMinutes(10),
                Timeout.InfiniteTimeSpan);
            int status;
            Libc.RUsage usage;
            while (Libc.wait4(pid, out status, 0, out usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != Libc.EINTR)
                {
                    throw new InvalidOperationException($"wait4 failed for {argv[0]}: errno {Marshal.GetLastPInvokeError()}");
                }
            }
            var wall = clock.Elapsed.TotalMilliseconds;
            var cpu = (usage.UtimeSec + usage.StimeSec) * 1000.0 + (usage.UtimeUsec + usage.StimeUsec) / 1000.0;
            var exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return new ChildResult(exit, wall, cpu, -1);
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
        }
    }

    private static string?[] BuildEnvironment(IReadOnlyDictionary<string, string>? extra)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
        return [.. env.Select(kv => $"{kv.Key}={kv.Value}"), null];
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {rc}");
        }
    }
}
