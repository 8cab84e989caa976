using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm continue ID "message"`: a follow-up turn through the CLI's native resume.</summary>
internal static class ContinueCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var message = TextArgument.Create("message", "The follow-up message (the rest of the words)");
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the turn to end and print the result" };
        var timeout = new Option<string?>("--timeout") { Description = "With --wait: give up waiting after this long" };
        var json = JsonFlag.Create();
        var command = new Command("continue", "Send a follow-up message to a stopped session (resumes its conversation)")
        {
            id, message, wait, timeout, json,
        };
        command.Aliases.Add("c");
        SessionIdCompletion.Add(id, actions, SessionPreference.Stopped);
        actions.Set(command, async (ctx, ct) =>
        {
            var waitTimeout = DurationParser.ParseOption(ctx.Get(timeout), "--timeout");
            var meta = await ctx.Sessions.ContinueAsync(ctx.Get(id)!, TextArgument.Join(ctx.Get(message)), ct);
            if (ctx.Get(wait))
            {
                return await WaitCommand.WaitAndReportAsync(ctx, [meta.Id], WaitMode.All, waitTimeout, ctx.Get(json), ct);
            }
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, SpawnCommand.ToView(meta), CliJsonContext.Output.SpawnView);
            }
            else
            {
                ctx.Terminal.Out.WriteLine(meta.Id);
                ctx.Terminal.Note($"turn {meta.Turn} of session {Format.ShortId(meta.Id)} started");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
