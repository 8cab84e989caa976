namespace Zwarm.Cli.Interactive;

/// <summary>Tells when a key is pressed while a command runs (so `watch` can stop); never fires for piped input.</summary>
internal interface IKeyWatcher
{
    /// <summary>Completes when a key is pressed (the key is consumed); cancelled by <paramref name="cancellationToken"/>.</summary>
    Task WaitForKeyAsync(CancellationToken cancellationToken);

    /// <summary>Whether a key press can be seen at all (for the hint "press any key to stop").</summary>
    bool CanWatch { get; }
}
