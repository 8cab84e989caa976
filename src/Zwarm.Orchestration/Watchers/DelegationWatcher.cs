// The orchestrator plans and checks; agents write code. A bash command of the latest step that changes files means
// the orchestrator is doing the work itself: the configured action (NUDGE by default), ABORT after abort_after.
namespace Zwarm.Orchestration.Watchers;

internal sealed class DelegationWatcher(DelegationWatcherSettings settings) : IWatcher
{
    public string Name => "delegation";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        if (context.LastStep is not { } step || settings.Action == WatcherAction.Continue)
        {
            return Task.FromResult(WatcherVerdict.Continue(Name, Priority));
        }
        string? offending = null;
        string? reason = null;
        foreach (var command in StepContent.BashCommands(step))
        {
            if (WriteCommandDetector.WhyWrites(command) is { } why)
            {
                (offending, reason) = (command, why);
                break;
            }
        }
        if (offending is null)
        {
            return Task.FromResult(WatcherVerdict.Continue(Name, Priority));
        }

        var violations = context.History.Sum(s => StepContent.BashCommands(s).Count(c => WriteCommandDetector.WhyWrites(c) is not null));
        var message = $"Your bash command `{StepContent.Shorten(offending, 120)}` {reason}. You are the orchestrator: delegate changes to " +
            "an agent session (delegate, or converse with an existing one) and keep bash for read-only checks such as running tests, git status or cat.";
        if (settings.AbortAfter > 0 && violations >= settings.AbortAfter)
        {
            return Task.FromResult(new WatcherVerdict(Name, WatcherAction.Abort,
                $"the orchestrator changed files itself {violations} times (last: `{StepContent.Shorten(offending, 120)}`)", Priority));
        }
        return Task.FromResult(new WatcherVerdict(Name, settings.Action, message, Priority));
    }
}
