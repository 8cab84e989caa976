namespace Zwarm.Cli.Interactive;

/// <summary>For piped input: no key is ever pressed.</summary>
internal sealed class NoKeyWatcher : IKeyWatcher
{
    public bool CanWatch => false;

    public Task WaitForKeyAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);
}
