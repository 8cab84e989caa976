namespace Zwarm.Dashboard.Tests.Support;

/// <summary>Per-test cancellation: nothing here may hang the run (every test that spawns a process uses one).</summary>
public static class TestTimeout
{
    public static CancellationToken After(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
