// Runs every enabled watcher in parallel before a step and combines their verdicts. A watcher that throws or
// overruns its time is a CONTINUE with a note, never a crash of the run.
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Llm;

namespace Zwarm.Orchestration.Watchers;

public sealed class WatcherPanel(IReadOnlyList<IWatcher> watchers)
{
    /// <summary>Longest a single watcher may take (the llm watcher calls a model).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<IWatcher> Watchers { get; } = watchers;

    /// <summary>The built-in watchers that <paramref name="settings"/> enables.</summary>
    /// <param name="reviewer">Creates the llm watcher's client (only called when that watcher is enabled).</param>
    public static WatcherPanel Create(WatchersSettings settings, Func<LlmSettings, IChatClient>? reviewer)
    {
        var list = new List<IWatcher>();
        if (!settings.Enabled)
        {
            return new WatcherPanel(list);
        }
        if (settings.Progress.Enabled) list.Add(new ProgressWatcher(settings.Progress));
        if (settings.Budget.Enabled) list.Add(new BudgetWatcher(settings.Budget));
        if (settings.Scope.Enabled) list.Add(new ScopeWatcher(settings.Scope));
        if (settings.Pattern.Enabled) list.Add(new PatternWatcher(settings.Pattern));
        if (settings.Delegation.Enabled) list.Add(new DelegationWatcher(settings.Delegation));
        if (settings.DelegationReminder.Enabled) list.Add(new DelegationReminderWatcher(settings.DelegationReminder));
        if (settings.Llm.Enabled && reviewer is not null && settings.Llm.Llm is { } llm)
        {
            list.Add(new LlmWatcher(settings.Llm, reviewer(llm)));
        }
        return new WatcherPanel(list);
    }

    public async Task<WatcherOutcome> RunAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        if (Watchers.Count == 0)
        {
            return WatcherOutcome.None;
        }
        var verdicts = await Task.WhenAll(Watchers.Select(w => RunOneAsync(w, context, cancellationToken))).ConfigureAwait(false);
        return new WatcherOutcome(verdicts);
    }

    private async Task<WatcherVerdict> RunOneAsync(IWatcher watcher, WatcherContext context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // Watchers are mostly synchronous; run each on the pool so a slow one does not hold up the others.
            return await Task.Run(() => watcher.CheckAsync(context, timeout.Token), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new WatcherVerdict(watcher.Name, WatcherAction.Continue, $"watcher timed out after {Timeout.TotalSeconds:0}s", watcher.Priority);
        }
        catch (Exception e)
        {
            return new WatcherVerdict(watcher.Name, WatcherAction.Continue, $"watcher failed: {e.GetType().Name}: {e.Message}", watcher.Priority);
        }
    }
}
