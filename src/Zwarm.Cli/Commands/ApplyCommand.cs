using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm apply ID`: an isolated session's changes as uncommitted edits in your own tree (all or nothing).</summary>
internal static class ApplyCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var json = JsonFlag.Create();
        var command = new Command("apply", "Apply an isolated session's changes to your tree as uncommitted edits") { id, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var outcome = await ctx.Workspaces.ApplyAsync(ctx.Get(id)!, ct);
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, outcome, CliJsonContext.Output.ApplyOutcome);
                return ExitCodes.Success;
            }
            if (outcome.Files.Count == 0)
            {
                ctx.Terminal.Note($"session {Format.ShortId(outcome.Session)} changed nothing; nothing to apply");
                return ExitCodes.Success;
            }
            foreach (var file in outcome.Files)
            {
                ctx.Terminal.Out.WriteLine(file);
            }
            ctx.Terminal.Note($"applied {outcome.Files.Count} file(s) to {outcome.Directory} as uncommitted changes");
            return ExitCodes.Success;
        });
        return command;
    }
}
