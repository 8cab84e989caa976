namespace Zwarm.ScriptedModels.Tests.Support;

/// <summary>Per-test cancellation: nothing in these tests may hang the run.</summary>
internal static class TestTimeout
{
    /// <summary>A token cancelled after <paramref name="seconds"/>; every test obtains its own.</summary>
    public static CancellationToken After(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
