using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Output;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm show ID`: the session's details and every turn's outcome; --raw prints the raw agent output.</summary>
internal static class ShowCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var raw = new Option<bool>("--raw") { Description = "Print the raw JSONL the agent wrote (all turns, or --turn N)" };
        var turn = new Option<int?>("--turn") { Description = "Only this turn (1-based)" };
        var json = JsonFlag.Create();
        var command = new Command("show", "Show a session: details, every turn's messages, usage and cost") { id, raw, turn, json };
        SessionIdCompletion.Add(id, actions);
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            var turns = ShowRenderer.SelectTurns(meta, ctx.Get(turn));
            if (ctx.Get(raw))
            {
                foreach (var n in turns)
                {
                    await RawOutput.CopyAsync(ctx.Terminal, ctx.Sessions.Store.TurnPath(meta.Id, n), ct);
                }
                SkippedLines.Note(ctx.Terminal, meta, turns);
                return ExitCodes.Success;
            }
            if (ctx.Get(json))
            {
                JsonOutput.Stream(ctx.Terminal, writer => ShowJsonWriter.Write(writer, ctx.Sessions, meta, turns));
                SkippedLines.Note(ctx.Terminal, meta, turns);
                return ExitCodes.Success;
            }
            ShowRenderer.Render(ctx.Terminal, ctx.Sessions, meta, turns, ctx.Zwarm.Time.GetUtcNow());
            SkippedLines.Note(ctx.Terminal, meta, turns);
            return ExitCodes.Success;
        });
        return command;
    }
}
