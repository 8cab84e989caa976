using System.CommandLine;
using Zwarm.Worker.Infrastructure;
using Zwarm.Worker.Rendering;

namespace Zwarm.Worker.Commands;

/// <summary>`ls [--json]`: every session of the cluster with its worker; a dead worker's sessions are `unreachable`.</summary>
internal static class ClusterLsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var options = new SessionOptions();
        var command = new Command("ls", "List the sessions of every worker of the cluster");
        options.AddTo(command);
        runner.Set(command, async (parse, ct) =>
        {
            var rows = await options.Client(parse, runner).ListAsync(ct);
            if (parse.GetValue(options.Json))
            {
                ClusterSessionsOutput.WriteJson(runner.Out, rows);
            }
            else
            {
                ClusterSessionsOutput.WriteTable(runner.Out, rows);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
