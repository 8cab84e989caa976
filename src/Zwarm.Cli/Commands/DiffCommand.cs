using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm diff ID [--turn N] [--stat|--name-only] [--json]`: an isolated session's changes against its base.</summary>
internal static class DiffCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var turn = new Option<int?>("--turn") { Description = "Only what turn N changed" };
        var stat = new Option<bool>("--stat") { Description = "A diffstat instead of the patch" };
        var nameOnly = new Option<bool>("--name-only") { Description = "Only the names of the changed files" };
        var json = JsonFlag.Create();
        var command = new Command("diff", "Show what an isolated session changed (uncommitted work included)") { id, turn, stat, nameOnly, json };
        actions.Set(command, async (ctx, ct) =>
        {
            if (ctx.Get(stat) && ctx.Get(nameOnly))
            {
                throw new ZwarmException(ErrorKind.Usage, "--stat and --name-only do not go together");
            }
            var format = ctx.Get(json) ? DiffFormat.Files : ctx.Get(stat) ? DiffFormat.Stat : ctx.Get(nameOnly) ? DiffFormat.NameOnly : DiffFormat.Patch;
            var diff = await ctx.Workspaces.DiffAsync(new DiffRequest(ctx.Get(id)!, ctx.Get(turn), format, ctx.Terminal.Colors), ct);
            if (diff.Note is { } note)
            {
                ctx.Terminal.Note(note);
            }
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, diff, CliJsonContext.Output.SessionDiff);
                return ExitCodes.Success;
            }
            ctx.Terminal.Out.Write(diff.Text);
            ctx.Terminal.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
