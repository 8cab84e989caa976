namespace Zwarm.RealClients.Tests.Support;

/// <summary>Per-test cancellation: nothing in these tests may hang the run.</summary>
internal static class TestTimeout
{
    /// <summary>One `zwarm` command (a `wait` included): far above the few seconds a real turn takes here.</summary>
    public static readonly TimeSpan Command = TimeSpan.FromSeconds(120);

    /// <summary>A token cancelled after <paramref name="seconds"/>; every test obtains its own.</summary>
    public static CancellationToken After(int seconds) =>
        new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
