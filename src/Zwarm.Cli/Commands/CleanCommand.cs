using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm clean`: remove stopped sessions older than a cutoff. Running sessions and other processes are never touched.</summary>
internal static class CleanCommand
{
    public static Command Create(CommandActions actions)
    {
        var olderThan = new Option<string>("--older-than") { Description = "Only sessions last updated longer ago than this (e.g. 7d, 12h)", DefaultValueFactory = _ => "7d" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Only list what would be removed" };
        var json = JsonFlag.Create();
        var command = new Command("clean", "Remove old stopped sessions") { olderThan, dryRun, json };
        actions.Set(command, async (ctx, ct) =>
        {
            var cutoff = DurationParser.ParseOption(ctx.Get(olderThan), "--older-than");
            var victims = await ctx.Sessions.CleanAsync(cutoff, ctx.Get(dryRun), ct);
            ReportSkipped(ctx);
            var verb = ctx.Get(dryRun) ? "would remove" : "removed";
            var views = victims.Select(v => new SessionChangeView(v.Id, ctx.Get(dryRun) ? v.Status.ToName() : "removed", v.Status.ToName())).ToList();
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, views, CliJsonContext.Output.ListSessionChangeView);
                return ExitCodes.Success;
            }
            foreach (var v in victims)
            {
                ctx.Terminal.Out.WriteLine(ChangeReport.Cleaned(verb, v, ctx.Zwarm.Time.GetUtcNow()));
            }
            ctx.Terminal.Note($"{verb} {victims.Count} session(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line per isolated session kept because removing it would lose unmerged work.</summary>
    internal static void ReportSkipped(CommandContext ctx)
    {
        foreach (var kept in ctx.Sessions.CleanSkipped)
        {
            ctx.Terminal.Note($"kept {Format.ShortId(kept.Id)}: {kept.Reason} (zwarm rm {Format.ShortId(kept.Id)} --discard-work to remove it anyway)");
        }
    }
}
