namespace Zwarm.Orchestration.Watchers;

/// <summary>
/// Looks at the run before each step and says whether to go on. Watchers run in parallel and must not change the
/// context; a watcher that throws is treated as CONTINUE and its failure is logged.
/// </summary>
public interface IWatcher
{
    /// <summary>Config name (progress, budget, scope, pattern, delegation, delegation_reminder, llm, or a custom one).</summary>
    string Name { get; }

    /// <summary>Breaks ties between verdicts of the same severity: higher wins.</summary>
    int Priority { get; }

    Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken);
}
