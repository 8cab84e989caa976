using Microsoft.Extensions.Hosting;

namespace Zwarm.Http;

/// <summary>The command's CancellationToken (Ctrl+C, SIGTERM through zwarm's own handling) stops the server, not
/// the host's console lifetime, which would print to stdout and install signal handlers of its own.</summary>
public sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
