using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Hosting;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Workers;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker.Commands;

/// <summary>
/// `worker --cluster CONN [--name N] [--max-sessions K] [--label L]... [--listen ADDR:PORT] [--cert PATH] [--state-dir DIR]`:
/// runs this machine's worker (an Orleans silo) until SIGINT/SIGTERM, then leaves the cluster cleanly.
/// </summary>
internal static class WorkerCommand
{
    public const int DefaultMaxSessions = 4;

    public static Command Create(CommandRunner runner)
    {
        var cluster = ClusterOptions.Cluster();
        var cert = ClusterOptions.Certificate();
        var name = new Option<string?>("--name") { Description = "This worker's name (default: the host name)", HelpName = "N" };
        var max = new Option<int>("--max-sessions")
        {
            Description = $"How many sessions this worker runs at once at most (default: {DefaultMaxSessions})",
            HelpName = "K",
            DefaultValueFactory = _ => DefaultMaxSessions,
        };
        var labels = new Option<string[]>("--label")
        {
            Description = "A label placement can ask for (repeatable), e.g. --label gpu",
            HelpName = "L",
            AllowMultipleArgumentsPerToken = false,
        };
        var listen = new Option<string?>("--listen")
        {
            Description = "The IP address and port other machines reach this worker at (clients use PORT+1; default: the host's address, ports 11111 and 30000)",
            HelpName = "ADDR:PORT",
        };
        var stateDir = new Option<string?>("--state-dir")
        {
            Description = "This worker's local zwarm store (default: $ZWARM_STATE_DIR, else ./.zwarm)",
            HelpName = "DIR",
        };
        var command = new Command("worker", "Run this machine's worker in the cluster (an Orleans silo) until interrupted")
        {
            cluster, name, max, labels, listen, cert, stateDir,
        };
        runner.Set(command, async (parse, ct) =>
        {
            var connection = ClusterConnection.From(parse.GetValue(cluster), runner.Environment);
            var workingDirectory = Directory.GetCurrentDirectory();
            var context = LoadContext(parse.GetValue(stateDir), workingDirectory, runner.Environment);
            var settings = new WorkerSettings(connection, WorkerName(parse.GetValue(name)), MaxSessions(parse.GetValue(max)),
                Labels(parse.GetValue(labels) ?? []), parse.GetValue(listen) is { } l ? WorkerHost.ParseListen(l) : null,
                ClusterCertificate.ResolvePath(parse.GetValue(cert), runner.Environment), context.StateDirectory);
            using var host = await WorkerHost.BuildAsync(settings, context, ct);
            try
            {
                await host.RunAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ZwarmException)
            {
                throw new ZwarmException(ErrorKind.External, $"the worker could not join the cluster at {connection.Display}: {e.Message}", e);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static ZwarmContext LoadContext(string? stateDir, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var directory = ZwarmContext.ResolveStateDirectory(stateDir, workingDirectory, environment);
        var document = ConfigDocument.Load(Path.Combine(directory, "config.toml"));
        var config = ZwarmConfig.Read(document, n => AgentRegistry.Default.TryGet(n, out var a) ? a.Name : null);
        return new ZwarmContext { StateDirectory = directory, WorkingDirectory = workingDirectory, Environment = environment, Config = config };
    }

    private static string WorkerName(string? given)
    {
        var name = string.IsNullOrWhiteSpace(given) ? Environment.MachineName : given;
        if (name.Length > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--name wants letters, digits, '-', '_' or '.' (at most 100), not '{name}'");
        }
        return name;
    }

    private static int MaxSessions(int value) => value is >= 1 and <= 10_000
        ? value
        : throw new ZwarmException(ErrorKind.Usage, $"--max-sessions wants a number from 1 to 10000, not {value}");

    private static IReadOnlyList<string> Labels(string[] given)
    {
        foreach (var label in given)
        {
            if (label.Length is 0 or > 64 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '='))
            {
                throw new ZwarmException(ErrorKind.Usage, $"--label wants letters, digits, '-', '_', '.' or '=' (at most 64), not '{label}'");
            }
        }
        return [.. given.Distinct(StringComparer.Ordinal)];
    }
}
