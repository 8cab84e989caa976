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
            var asJson = ctx.Get(json);
            // JSON is streamed straight to stdout (a 100 MB turn never sits in memory); tests buffer it.
            var stream = asJson ? ctx.Terminal.OutStream : null;
            await ctx.Terminal.Out.FlushAsync(ct);
            using var writer = stream is null ? null : new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = CliJsonContext.Output.Options.Encoder });
            var buffered = asJson && stream is null ? new List<TrajectoryStep>() : null;
            writer?.WriteStartArray();
            foreach (var n in ShowRenderer.SelectTurns(meta, ctx.Get(turn)))
            {
                foreach (var e in ctx.Sessions.ReadTurnEvents(meta, n))
                {
                    ct.ThrowIfCancellationRequested();
                    // In a finished turn each command appears once, with its result.
                    if (e is CommandStarted && meta.Status.IsStopped())
                    {
                        continue;
                    }
                    if (Trajectory.ToStep(e, n, maxText) is not { } step)
                    {
                        continue;
                    }
                    if (buffered is not null)
                    {
                        buffered.Add(step);
                    }
                    else if (writer is not null)
                    {
                        JsonSerializer.Serialize(writer, step, CliJsonContext.Output.TrajectoryStep);
                        if (writer.BytesPending > 64 * 1024)
                        {
                            writer.Flush();
                        }
                    }
                    else
                    {
                        StepRenderer.Write(ctx.Terminal.Console, step, ctx.Get(full) ? null : 8);
                    }
                }
            }
            if (buffered is not null)
            {
                JsonOutput.Write(ctx.Terminal, buffered, CliJsonContext.Output.ListTrajectoryStep);
            }
            else if (writer is not null)
            {
                writer.WriteEndArray();
                writer.Flush();
                stream!.WriteByte((byte)'\n');
                stream.Flush();
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
