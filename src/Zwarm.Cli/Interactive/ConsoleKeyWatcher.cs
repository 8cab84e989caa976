// Watches the real terminal for a key press while a command runs. System.Console offers no awaitable key event,
// so this polls KeyAvailable at a short interval — only while a `watch` is on screen.
namespace Zwarm.Cli.Interactive;

internal sealed class ConsoleKeyWatcher : IKeyWatcher
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public bool CanWatch => true;

    public async Task WaitForKeyAsync(CancellationToken cancellationToken)
    {
        while (!Console.KeyAvailable)
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
        Console.ReadKey(intercept: true);
    }
}
