using System.Runtime.InteropServices;

namespace Zwarm.Bench.Processes;

/// <summary>CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID): what a loop cost, whatever the load.</summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static double NowMs()
    {
        clock_gettime(ClockThreadCpuTime, out var t);
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
