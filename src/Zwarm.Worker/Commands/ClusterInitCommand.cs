using System.CommandLine;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Security;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker.Commands;

/// <summary>
/// `cluster init --cluster CONN [--cert-dir DIR]`: applies the membership schema to the database (idempotent) and
/// creates the shared cluster certificate unless one is there. Run once; copy the certificate to every machine.
/// </summary>
internal static class ClusterInitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var cluster = ClusterOptions.Cluster();
        var certDir = new Option<string?>("--cert-dir")
        {
            Description = "Where to create the cluster certificate (default: ~/.config/zwarm/cluster)",
            HelpName = "DIR",
        };
        var init = new Command("init", "Create the cluster's schema in PostgreSQL and its TLS certificate (both kept when present)")
        {
            cluster, certDir,
        };
        runner.Set(init, async (parse, ct) =>
        {
            var connection = ClusterConnection.From(parse.GetValue(cluster), runner.Environment);
            var directory = Path.GetFullPath(parse.GetValue(certDir) ?? ClusterCertificate.DefaultDirectory(runner.Environment));
            await using var db = await connection.OpenAsync(ct);
            var outcomes = await ClusterSchema.ApplyAsync(db, ct);
            var created = ClusterCertificate.CreateIfMissing(directory, TimeProvider.System.GetUtcNow());
            foreach (var outcome in outcomes)
            {
                runner.Out.WriteLine($"{(outcome.Created ? "created" : "present")}  {outcome.Part} in {connection.Display}");
            }
            var path = Path.Combine(directory, ClusterCertificate.FileName);
            runner.Out.WriteLine($"{(created ? "created" : "present")}  cluster certificate {path} (copy it, 0600, to every worker and client)");
            return ExitCodes.Success;
        });
        return new Command("cluster", "Set up a cluster (schema and certificate)") { init };
    }
}
