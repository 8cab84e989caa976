using System.CommandLine;
using System.Text.Json;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Workers;
using Zwarm.Worker.Infrastructure;
using Zwarm.Worker.Rendering;

namespace Zwarm.Worker.Commands;

/// <summary>`workers [--cluster CONN] [--cert PATH] [--json]`: the cluster's members, their state, load and facts.</summary>
internal static class WorkersCommand
{
    public static Command Create(CommandRunner runner)
    {
        var cluster = ClusterOptions.Cluster();
        var cert = ClusterOptions.Certificate();
        var json = new Option<bool>("--json") { Description = "Print JSON data on stdout (messages go to stderr)" };
        var command = new Command("workers", "List the cluster's workers: address, status, load, labels, agents, last heartbeat")
        {
            cluster, cert, json,
        };
        runner.Set(command, async (parse, ct) =>
        {
            var connection = ClusterConnection.From(parse.GetValue(cluster), runner.Environment);
            var query = new WorkersQuery(connection, ClusterCertificate.ResolvePath(parse.GetValue(cert), runner.Environment),
                TimeProvider.System, runner.Debug);
            var rows = await query.RunAsync(ct);
            if (parse.GetValue(json))
            {
                runner.Out.WriteLine(JsonSerializer.Serialize(rows, WorkerJsonContext.Default.IReadOnlyListWorkerRow));
            }
            else
            {
                WorkersTable.Write(runner.Out, rows);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
