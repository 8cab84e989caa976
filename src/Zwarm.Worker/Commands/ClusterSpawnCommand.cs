using System.CommandLine;
using System.Text.Json;
using Zwarm.Cluster.Grains;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker.Commands;

/// <summary>
/// `spawn [--on NAME | --label L] [--adapter A] [--model M] [--dir DIR] TASK`: starts a session on the least-loaded
/// active worker with room and the agent, and prints its id and worker.
/// </summary>
internal static class ClusterSpawnCommand
{
    public static Command Create(CommandRunner runner)
    {
        var options = new SessionOptions();
        var task = new Argument<string>("task") { Description = "What the agent should do" };
        var on = new Option<string?>("--on") { Description = "Only this worker", HelpName = "NAME" };
        var label = new Option<string?>("--label") { Description = "Only a worker with this label", HelpName = "L" };
        var adapter = new Option<string?>("--adapter") { Description = "The agent (default: the worker's config)", HelpName = "A" };
        var model = new Option<string?>("--model") { Description = "The model (default: the worker's config)", HelpName = "M" };
        var dir = new Option<string?>("--dir") { Description = "The working directory ON THE WORKER (default: the worker's)", HelpName = "DIR" };
        var command = new Command("spawn", "Start a session on a worker of the cluster (least loaded with room and the agent)")
        {
            task, on, label, adapter, model, dir,
        };
        options.AddTo(command);
        runner.Set(command, async (parse, ct) =>
        {
            var call = new SpawnCall(parse.GetValue(task)!, parse.GetValue(adapter), parse.GetValue(model), parse.GetValue(dir));
            var json = await options.Client(parse, runner).SpawnAsync(call, parse.GetValue(on), parse.GetValue(label), ct);
            if (parse.GetValue(options.Json))
            {
                runner.Out.WriteLine(json);
            }
            else
            {
                using var reply = JsonDocument.Parse(json);
                runner.Out.WriteLine($"{reply.RootElement.GetProperty("id").GetString()} on {reply.RootElement.GetProperty("worker").GetString()}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
