using System.Diagnostics;

namespace Zwarm.Bench.Figures;

internal static class Poll
{
    /// <summary>
    /// Checks <paramref name="condition"/> every <paramref name="intervalMs"/> ms until it holds. On timeout: false,
    /// or a <see cref="TimeoutException"/> when <paramref name="what"/> names what was awaited.
    /// </summary>
    public static bool Until(Func<bool> condition, TimeSpan timeout, string? what, int intervalMs = 1)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return what is null ? false : throw new TimeoutException($"timed out waiting for {what}");
            }
            Thread.Sleep(intervalMs);
        }
        return true;
    }
}
