using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm compare GROUP`: the attempts of a best-of-N group (spawn --attempts) side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(CommandActions actions)
    {
        var group = new Argument<string>("group") { Description = "The group id spawn --attempts printed (also in zwarm ls --json)" };
        var json = JsonFlag.Create();
        var wide = WideFlag.Create();
        var command = new Command("compare", "Show the attempts of a best-of-N group side by side: status, lines changed, files, tokens, cost")
        {
            group, json, wide,
        };
        actions.Set(command, async (ctx, ct) =>
        {
            var attempts = await ctx.Sessions.Groups.MembersAsync(ctx.Get(group)!, ct);
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, new CompareView(ctx.Get(group)!.Trim(), attempts), CliJsonContext.Output.CompareView);
                return ExitCodes.Success;
            }
            ctx.Terminal.Console.Write(CompareTable.Build(attempts, ctx.Get(wide)));
            ctx.Terminal.Note($"take one: zwarm diff ID, zwarm merge ID; then discard the rest: zwarm rm --group {ctx.Get(group)!.Trim()} --except ID");
            return ExitCodes.Success;
        });
        return command;
    }
}
