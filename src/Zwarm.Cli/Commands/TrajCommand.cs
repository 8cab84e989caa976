using System.CommandLine;
using System.Text.Json;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Events;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm traj ID`: the step-by-step trajectory (reasoning, commands + output + exit code, files, tools).</summary>
internal static class TrajCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var full = new Option<bool>("--full") { Description = "Do not shorten long outputs and reasoning" };
        var turn = new Option<int?>("--turn") { Description = "Only this turn (1-based)" };
        var json = JsonFlag.Create();
        var command = new Command("traj", "Show a session's full trajectory, step by step") { id, full, turn, json };
        command.Aliases.Add("trajectory");
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            var maxText = ctx.Get(full) ? (int?)null : Trajectory.DefaultMaxText;
            var turns = ShowCommand.SelectTurns(meta, ctx.Get(turn));

            // Steps are produced as the turn files stream by (a 100 MB turn never sits in memory).
            IEnumerable<TrajectoryStep> Steps()
            {
                foreach (var n in turns)
                {
                    // Texts the steps shorten to maxText are read only that far (one more, to know they were cut).
                    foreach (var e in ctx.Sessions.ReadTurnEvents(meta, n, bulkTextLimit: maxText + 1))
                    {
                        ct.ThrowIfCancellationRequested();
                        // In a finished turn each command appears once, with its result.
                        if (e is CommandStarted && meta.Status.IsStopped())
                        {
                            continue;
                        }
                        if (Trajectory.ToStep(e, n, maxText) is { } step)
                        {
                            yield return step;
                        }
                    }
                }
            }

            if (ctx.Get(json))
            {
                JsonOutput.Stream(ctx.Terminal, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var step in Steps())
                    {
                        JsonSerializer.Serialize(writer, step, CliJsonContext.Output.TrajectoryStep);
                    }
                    writer.WriteEndArray();
                });
                return ExitCodes.Success;
            }
            foreach (var step in Steps())
            {
                StepRenderer.Write(ctx.Terminal.Console, step, ctx.Get(full) ? null : 8);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
