using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm ls`: every session with its status, adapter, model, turns, task, age, tokens and cost.</summary>
internal static class LsCommand
{
    public static Command Create(CommandActions actions)
    {
        var status = new Option<string?>("--status") { Description = "Only sessions in this status (pending, running, completed, failed, killed)" };
        var json = JsonFlag.Create();
        var wide = WideFlag.Create();
        var group = new Option<string?>("--group") { Description = "Only the attempts of this best-of-N group (spawn --attempts)" };
        var command = new Command("ls", "List sessions") { status, group, json, wide };
        command.Aliases.Add("list");
        ValueCompletion.Statuses(status);
        command.Aliases.Add("sessions"); // the Python zwarm's name
        actions.Set(command, async (ctx, ct) =>
        {
            SessionStatus? filter = null;
            if (ctx.Get(status) is { } s)
            {
                filter = SessionStatusExtensions.TryParse(s, out var parsed)
                    ? parsed
                    : throw new ZwarmException(ErrorKind.Usage, $"--status: unknown status '{s}' (pending, running, completed, failed, killed)");
            }
            var groupId = ctx.Get(group) is { } g ? Zwarm.Core.Sessions.Groups.GroupId.Validate(g) : null;
            var listing = await ctx.Sessions.ListAsync(ct, filter, groupId);
            foreach (var problem in listing.Problems)
            {
                ctx.Terminal.Error($"skipped session {problem.Id}: {problem.Reason}");
            }
            if (ctx.Get(json))
            {
                JsonOutput.Stream(ctx.Terminal, listing.WriteJson);
                return ExitCodes.Success;
            }
            if (listing.Sessions.Count == 0)
            {
                ctx.Terminal.Note(groupId is not null ? $"no {filter?.ToName() + " " ?? ""}sessions in group {groupId}"
                    : filter is null ? "no sessions (start one with: zwarm spawn \"task\")" : $"no {filter.Value.ToName()} sessions");
                return ExitCodes.Success;
            }
            ctx.Terminal.Console.Write(SessionTable.Build(listing.Sessions, ctx.Zwarm.Time.GetUtcNow(), ctx.Get(wide)));
            return ExitCodes.Success;
        });
        return command;
    }
}
