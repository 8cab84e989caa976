using Microsoft.Extensions.Hosting;

namespace Zwarm.ScriptedModels.Hosting;

/// <summary>
/// Replaces the console lifetime: an embedded server must not hook Ctrl+C or SIGTERM of the process hosting it
/// (a test runner, or `zwarm demo`), nor print "Application started".
/// </summary>
internal sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
