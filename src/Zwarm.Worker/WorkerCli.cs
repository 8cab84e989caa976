// The command tree of `zwarm-worker`: `cluster init`, `worker`, `workers`, and the session verbs on the cluster
// (`spawn`, `ls`, `show`, `kill`, `continue`). Parse errors are one line and exit code 2.
using System.CommandLine;
using Zwarm.Worker.Commands;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker;

internal static class WorkerCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var runner = new CommandRunner(output, error, environment);
        var root = new RootCommand("zwarm-worker: zwarm's workers on several machines (an Orleans cluster with PostgreSQL membership)")
        {
            ClusterInitCommand.Create(runner),
            WorkerCommand.Create(runner),
            WorkersCommand.Create(runner),
            ClusterSpawnCommand.Create(runner),
            ClusterLsCommand.Create(runner),
            ClusterRoutedCommands.Show(runner),
            ClusterRoutedCommands.Kill(runner),
            ClusterRoutedCommands.Continue(runner),
        };
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"zwarm: {e.Message}");
            }
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // A worker leaves the cluster cleanly on SIGINT/SIGTERM: Orleans' shutdown gets time to tell the others.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(20),
        };
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
