// The seed and counts of the randomized fault tests: fixed by default, so a failure reproduces run after run;
// ZWARM_FAULT_SEED explores other inputs, and every failure message names the seed it ran with.
namespace Zwarm.Faults.Tests.Support;

internal static class FaultSeed
{
    public static int Value => int.TryParse(Environment.GetEnvironmentVariable("ZWARM_FAULT_SEED"), out var seed) ? seed : 20261207;

    /// <summary>The count in <paramref name="variable"/> when set, else <paramref name="fallback"/>.</summary>
    public static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) && n >= 0 ? n : fallback;
}
