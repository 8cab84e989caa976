using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm rm --group G --except ID`: keep the chosen attempt, discard the others (see SessionGroups).</summary>
internal static class GroupRemoval
{
    public static async Task<IReadOnlyList<SessionChangeView>> RunAsync(CommandContext ctx, string? group, string[] keep,
        bool otherSelection, RemovalOptions options, CancellationToken cancellationToken)
    {
        if (group is null || keep.Length == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "--group and --except go together: rm --group GROUP --except ID");
        }
        if (otherSelection)
        {
            throw new ZwarmException(ErrorKind.Usage, "rm --group --except takes no session ids, --stopped or --discard-work (it discards the other attempts' work itself)");
        }
        var removed = await ctx.Sessions.Groups.RemoveExceptAsync(group, keep, options, cancellationToken);
        return [.. removed.Select(r => new SessionChangeView(r.Id, "removed", r.Meta?.Status.ToName() ?? "damaged"))];
    }
}
