using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;
using Zwarm.Core.Sessions.Groups;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm spawn --attempts N` / `-a codex,claude`: best of N, started through <see cref="SessionGroups"/>.</summary>
internal static class GroupSpawn
{
    /// <summary>Each attempt's adapter, or null for an ordinary single spawn.</summary>
    public static IReadOnlyList<string>? Plan(CommandContext ctx, string? adapters, int? attempts) =>
        AttemptPlan.Parse(adapters, attempts, ctx.Zwarm.Config.Executor.Adapter, ctx.Sessions.Agents);

    public static async Task<int> RunAsync(CommandContext ctx, StartRequest request, IReadOnlyList<string> plan, bool wait,
        TimeSpan? waitTimeout, bool json, CancellationToken cancellationToken)
    {
        var started = await ctx.Sessions.Groups.StartAsync(request, plan, cancellationToken);
        foreach (var meta in started.Sessions)
        {
            IsolationOptions.Report(ctx, meta);
        }
        var ids = started.Sessions.Select(m => m.Id).ToList();
        if (!wait)
        {
            if (json)
            {
                JsonOutput.Write(ctx.Terminal, new GroupSpawnView(started.Group, [.. started.Sessions.Select(SpawnCommand.ToView)]),
                    CliJsonContext.Output.GroupSpawnView);
                return ExitCodes.Success;
            }
            foreach (var id in ids)
            {
                ctx.Terminal.Out.WriteLine(id);
            }
        }
        if (!json)
        {
            var adapters = string.Join(", ", plan.GroupBy(a => a, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            ctx.Terminal.Note($"started {plan.Count} attempts ({adapters}) in group {started.Group}: zwarm compare {started.Group}");
        }
        return wait ? await WaitCommand.WaitAndReportAsync(ctx, ids, WaitMode.All, waitTimeout, json, cancellationToken) : ExitCodes.Success;
    }
}
