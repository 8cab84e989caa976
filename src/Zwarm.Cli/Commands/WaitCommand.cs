using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm wait ID...`: block until sessions stop (all, or --any), without polling blindly.</summary>
internal static class WaitCommand
{
    public static Command Create(CommandActions actions)
    {
        var ids = new Argument<string[]>("ids") { Description = "Session ids or unique prefixes", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<string?>("--timeout", "-t") { Description = "Give up after this long (e.g. 90s, 10m); exit code 7" };
        var any = new Option<bool>("--any") { Description = "Return as soon as one session stops" };
        var json = JsonFlag.Create();
        var command = new Command("wait", "Wait for sessions to finish their current turn") { ids, timeout, any, json };
        SessionIdCompletion.Add(ids, actions);
        actions.Set(command, (ctx, ct) => WaitAndReportAsync(ctx, ctx.Get(ids)!, ctx.Get(any) ? WaitMode.Any : WaitMode.All,
            DurationParser.ParseOption(ctx.Get(timeout), "--timeout"), ctx.Get(json), ct));
        return command;
    }

    /// <summary>Waits, prints the outcome, and returns 0 (all completed), 1 (some failed/killed) or 7 (timeout).</summary>
    internal static async Task<int> WaitAndReportAsync(CommandContext ctx, IReadOnlyList<string> ids, WaitMode mode,
        TimeSpan? timeout, bool json, CancellationToken ct)
    {
        var result = await ctx.Sessions.WaitAsync(ids, mode, timeout, ct);
        var summaries = result.Sessions.Select(s => SessionSummaries.From(s, ctx.Sessions.Prices)).ToList();
        if (json)
        {
            JsonOutput.Write(ctx.Terminal, new WaitView(result.TimedOut, summaries), CliJsonContext.Output.WaitView);
        }
        else
        {
            WaitReport.Write(ctx.Terminal, result);
        }
        return WaitReport.ExitCode(result);
    }
}
