using System.CommandLine;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Security;
using Zwarm.Cluster.Sessions;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker.Commands;

/// <summary>What the session verbs share: --cluster, --cert, --json, and the client they build from them.</summary>
internal sealed class SessionOptions
{
    public Option<string?> Cluster { get; } = ClusterOptions.Cluster();

    public Option<string?> Certificate { get; } = ClusterOptions.Certificate();

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON data on stdout (messages go to stderr)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(Certificate);
        command.Options.Add(Json);
    }

    public ClusterSessions Client(ParseResult parse, CommandRunner runner) => new(
        ClusterConnection.From(parse.GetValue(Cluster), runner.Environment),
        ClusterCertificate.ResolvePath(parse.GetValue(Certificate), runner.Environment),
        runner.Debug);
}
