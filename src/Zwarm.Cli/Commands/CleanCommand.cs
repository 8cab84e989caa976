using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm clean`: remove stopped sessions older than a cutoff (each decided under its lock), and leftover folders
/// older than a minute (half-made or half-deleted). Running sessions and other processes are never touched.
/// </summary>
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
            var result = await ctx.Sessions.Removal.CleanAsync(cutoff, ctx.Get(dryRun), ct);
            var victims = result.Sessions;
            foreach (var kept in result.Kept)
            {
                ctx.Terminal.Note($"kept {Format.ShortId(kept.Id)}: {kept.Reason} (zwarm rm {Format.ShortId(kept.Id)} --discard-work removes it anyway)");
            }
            var verb = ctx.Get(dryRun) ? "would remove" : "removed";
            var views = victims.Select(v => new SessionChangeView(v.Id, ctx.Get(dryRun) ? v.Status.ToName() : "removed", v.Status.ToName()))
                .Concat(result.Leftovers.Select(l => new SessionChangeView(l.Name, ctx.Get(dryRun) ? "leftover" : "removed", "leftover")))
                .ToList();
            if (ctx.Get(json))
            {
                JsonOutput.Write(ctx.Terminal, views, CliJsonContext.Output.ListSessionChangeView);
                return ExitCodes.Success;
            }
            foreach (var v in victims)
            {
                ctx.Terminal.Out.WriteLine(ChangeReport.Cleaned(verb, v, ctx.Zwarm.Time.GetUtcNow()));
            }
            foreach (var l in result.Leftovers)
            {
                ctx.Terminal.Out.WriteLine($"{verb} {l.Name}: {l.Reason}");
            }
            ctx.Terminal.Note($"{verb} {Format.Count(victims.Count, "session")}" + (result.Leftovers.Count > 0 ? $" and {Format.Count(result.Leftovers.Count, "leftover folder")}" : ""));
            return ExitCodes.Success;
        });
        return command;
    }
}
