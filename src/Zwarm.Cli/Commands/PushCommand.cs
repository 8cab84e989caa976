using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm push ID [--remote R]`: push the session branch, and nothing else (zwarm never pushes unasked).</summary>
internal static class PushCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var remote = new Option<string?>("--remote") { Description = "Remote to push to (default: origin, or the only remote)" };
        var json = JsonFlag.Create();
        var command = new Command("push", "Push an isolated session's branch to a remote") { id, remote, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var outcome = await ctx.Workspaces.PushAsync(ctx.Get(id)!, ctx.Get(remote), ct);
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, outcome, CliJsonContext.Output.PushOutcome);
                return ExitCodes.Success;
            }
            ctx.Terminal.Note($"pushed {outcome.Branch} to {outcome.Remote}");
            return ExitCodes.Success;
        });
        return command;
    }
}
