using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm peek ID`: a one-glance look at a session: status and its latest reply (or latest activity).</summary>
internal static class PeekCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var json = JsonFlag.Create();
        var command = new Command("peek", "Quick look: status and latest reply of a session") { id, json };
        command.Aliases.Add("?");
        SessionIdCompletion.Add(id, actions);
        actions.Set(command, async (ctx, ct) =>
        {
            var meta = await ctx.Sessions.GetAsync(ctx.Get(id)!, ct);
            var view = PeekRenderer.Build(ctx.Sessions, meta, ctx.Zwarm.Time.GetUtcNow());
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, view, CliJsonContext.Output.PeekView);
                return ExitCodes.Success;
            }
            PeekRenderer.Render(ctx.Terminal.Console, meta, view, "zwarm show");
            return ExitCodes.Success;
        });
        return command;
    }
}
