// Shows sessions until they stop: a live-updating `ls` table on a terminal, or one line per status change when the
// output is a file or a pipe (CI logs, tests).
using Spectre.Console;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Demo;

internal sealed class SessionWatch(SessionService sessions, IAnsiConsole console, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task<WatchResult> UntilStoppedAsync(IReadOnlyList<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        if (!console.Profile.Capabilities.Ansi)
        {
            return await PrintChangesAsync(ids, deadline, cancellationToken);
        }
        WatchResult? result = null;
        var rows = await ReadAsync(ids, cancellationToken);
        await console.Live(Table(rows)).AutoClear(false).StartAsync(async live =>
        {
            while (true)
            {
                live.UpdateTarget(Table(rows));
                live.Refresh();
                if (Done(rows, deadline, out var timedOut))
                {
                    result = new WatchResult(rows, timedOut);
                    return;
                }
                await Task.Delay(Poll, time, cancellationToken);
                rows = await ReadAsync(ids, cancellationToken);
            }
        });
        return result!;
    }

    private async Task<WatchResult> PrintChangesAsync(IReadOnlyList<string> ids, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var shown = new Dictionary<string, SessionStatus>();
        while (true)
        {
            var rows = await ReadAsync(ids, cancellationToken);
            foreach (var row in rows.Where(r => !shown.TryGetValue(r.Id, out var s) || s != r.Status))
            {
                shown[row.Id] = row.Status;
                var outcome = row.Status.IsStopped()
                    ? $"  {Format.Tokens(row.InputTokens + row.OutputTokens)} tokens  {Format.Cost(row.CostUsd)}" +
                      (row.Error is null ? "" : $"  [red]{TerminalText.Escape(Format.OneLine(row.Error, 160))}[/]")
                    : "";
                console.MarkupLine($"  [bold]{Format.ShortId(row.Id)}[/] {TerminalText.Escape(row.Adapter),-11} {Format.StatusMarkup(row.Status)}{outcome}");
            }
            if (Done(rows, deadline, out var timedOut))
            {
                return new WatchResult(rows, timedOut);
            }
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private Rendering.Grids.TextGrid Table(IReadOnlyList<SessionSummary> rows) =>
        LiveStatusTable.Build(rows, time.GetUtcNow());

    private bool Done(IReadOnlyList<SessionSummary> rows, DateTimeOffset deadline, out bool timedOut)
    {
        timedOut = false;
        if (rows.All(r => r.Status.IsStopped())) return true;
        timedOut = time.GetUtcNow() >= deadline;
        return timedOut;
    }

    /// <summary>The sessions in the order of <paramref name="ids"/>, running ones brought up to date.</summary>
    private async Task<IReadOnlyList<SessionSummary>> ReadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var listing = await sessions.ListAsync(cancellationToken);
        var byId = listing.Sessions.ToDictionary(s => s.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
