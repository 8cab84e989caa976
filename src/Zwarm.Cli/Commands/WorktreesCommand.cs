using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm worktrees [--json]` and `zwarm worktrees prune`: zwarm's worktrees, and removing the abandoned merged ones.</summary>
internal static class WorktreesCommand
{
    public static Command Create(CommandActions actions)
    {
        var json = JsonFlag.Create();
        var command = new Command("worktrees", "List zwarm's worktrees: session, branch, merged or not, disk use") { json };
        actions.Set(command, async (ctx, ct) =>
        {
            var views = await new WorktreeInventory(ctx.Sessions).ListAsync(ct);
            Render(ctx, views, ctx.Get(json), "no zwarm worktrees");
            return ExitCodes.Success;
        });
        var pruneJson = JsonFlag.Create();
        var prune = new Command("prune", "Remove worktrees whose session is gone and whose branch is merged (and run git worktree prune)") { pruneJson };
        actions.Set(prune, async (ctx, ct) =>
        {
            var removed = await new WorktreeInventory(ctx.Sessions).PruneAsync(ct);
            Render(ctx, removed, ctx.Get(pruneJson), "nothing to prune");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(prune);
        return command;
    }

    private static void Render(CommandContext ctx, IReadOnlyList<WorktreeView> views, bool json, string empty)
    {
        if (json)
        {
            JsonOutput.Write(ctx.Terminal, views.ToList(), CliJsonContext.Output.ListWorktreeView);
            return;
        }
        if (views.Count == 0)
        {
            ctx.Terminal.Note(empty);
            return;
        }
        foreach (var v in views)
        {
            var session = v.Session is null ? "(no session)" : Format.ShortId(v.Session);
            var state = !v.Exists ? "missing" : v.Merged ? "merged" : "unmerged";
            ctx.Terminal.Out.WriteLine($"{session,-12} {v.Branch,-24} {state,-9} {v.Bytes / 1024,8} KB  {v.Path}");
        }
    }
}
