using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Output;
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
        SessionIdCompletion.Add(id, actions);
        command.Aliases.Add("trajectory");
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            var turns = ShowRenderer.SelectTurns(meta, ctx.Get(turn));
            if (!ctx.Get(json))
            {
                TrajectorySteps.Write(ctx.Terminal.Console, ctx.Sessions, meta, turns, ctx.Get(full), ct);
                SkippedLines.Note(ctx.Terminal, meta, turns);
                return ExitCodes.Success;
            }
            var steps = TrajectorySteps.Read(ctx.Sessions, meta, turns, ctx.Get(full) ? null : Trajectory.DefaultMaxText, ct);
            JsonOutput.Stream(ctx.Terminal, writer =>
            {
                var stepWriter = new TrajectoryStepJsonWriter(writer);
                writer.WriteStartArray();
                foreach (var step in ReadAhead.Enumerate(steps))
                {
                    stepWriter.Write(step);
                }
                writer.WriteEndArray();
            });
            SkippedLines.Note(ctx.Terminal, meta, turns);
            return ExitCodes.Success;
        });
        return command;
    }
}
