namespace Zwarm.Bench;

/// <summary>On Ctrl+C, still kill the sessions the run started and delete its temp dir before exiting.</summary>
internal sealed class CancelCleanup : IDisposable
{
    private readonly BenchEnvironment _env;

    public CancelCleanup(BenchEnvironment env)
    {
        _env = env;
        Console.CancelKeyPress += OnCancel;
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancel;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        Console.Error.WriteLine("interrupted: cleaning up");
        _env.Dispose();
        Environment.Exit(130);
    }
}
