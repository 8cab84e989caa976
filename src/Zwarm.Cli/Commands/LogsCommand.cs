using System.CommandLine;
using System.Text;
using System.Text.Json;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Output;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm logs ID`: a turn's output as readable events (or --raw JSONL), optionally followed live.</summary>
internal static class LogsCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var turn = new Option<int?>("--turn") { Description = "Which turn (default: the latest)" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new output until the turn ends" };
        var raw = new Option<bool>("--raw") { Description = "Print the agent's raw JSONL lines" };
        var stderr = new Option<bool>("--stderr") { Description = "Print the agent's stderr instead" };
        var json = JsonFlag.Create();
        var command = new Command("logs", "Print a turn's output; --follow streams it live") { id, turn, follow, raw, stderr, json };
        SessionIdCompletion.Add(id, actions);
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            var n = ShowRenderer.SelectTurns(meta, ctx.Get(turn) ?? meta.Turn)[0];
            if (ctx.Get(stderr))
            {
                await RawOutput.CopyAsync(ctx.Terminal, ctx.Sessions.Store.StderrPath(meta.Id, n), ct);
                return ExitCodes.Success;
            }
            var decoder = new TurnLineDecoder(ctx.Sessions.AdapterFor(meta).CreateParser(), n);
            var mode = ctx.Get(raw) ? OutputMode.Raw : ctx.Get(json) ? OutputMode.Json : OutputMode.Pretty;

            void Print(ReadOnlySpan<byte> line)
            {
                if (mode == OutputMode.Raw)
                {
                    ctx.Terminal.Out.WriteLine(Encoding.UTF8.GetString(line));
                    return;
                }
                foreach (var step in decoder.Decode(line))
                {
                    if (mode == OutputMode.Json)
                    {
                        ctx.Terminal.Out.WriteLine(JsonSerializer.Serialize(step, CliJsonContext.Lines.TrajectoryStep));
                    }
                    else
                    {
                        StepRenderer.Write(ctx.Terminal.Console, step);
                    }
                }
            }

            if (!ctx.Get(follow))
            {
                using var stream = OpenShared(ctx.Sessions.Store.TurnPath(meta.Id, n));
                if (stream is not null)
                {
                    using var reader = new JsonlLineReader(stream);
                    while (reader.TryReadLine(out var line))
                    {
                        Print(line);
                    }
                }
                SkippedLines.Note(ctx.Terminal, meta, [n]);
                return ExitCodes.Success;
            }

            await foreach (var line in ctx.Sessions.FollowTurnAsync(meta, n, ct))
            {
                Print(line);
                await ctx.Terminal.Out.FlushAsync(ct);
            }
            if (mode != OutputMode.Json)
            {
                var final = await ctx.Sessions.GetAsync(meta.Id, ct);
                ctx.Terminal.Note($"turn {n} ended: {final.Status.ToName()}" + (final.Error is null ? "" : $" ({TerminalText.Safe(final.Error)})"));
                SkippedLines.Note(ctx.Terminal, final, [n]);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static FileStream? OpenShared(string path) =>
        StoreFiles.OpenRead(path);

    private enum OutputMode
    {
        Pretty,
        Raw,
        Json,
    }
}
