// Reminds the orchestrator to delegate when it has spent many steps on its own work (bash, text replies) since it
// last handed work to an agent. Steps that only poll or wait for sessions are not drift and are not counted.
namespace Zwarm.Orchestration.Watchers;

internal sealed class DelegationReminderWatcher(DelegationReminderSettings settings) : IWatcher
{
    public string Name => "delegation_reminder";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        var drift = DriftSteps(context);
        if (settings.Steps > 0 && drift >= settings.Steps)
        {
            return Task.FromResult(new WatcherVerdict(Name, WatcherAction.Nudge,
                $"You have spent {drift} steps on your own work without delegating. Hand the next piece of work to an agent " +
                "session with delegate (or converse with an existing one), with a clear spec and acceptance criteria.", Priority));
        }
        return Task.FromResult(WatcherVerdict.Continue(Name, Priority));
    }

    /// <summary>Steps since the last successful delegate/converse that were not polling-only.</summary>
    internal static int DriftSteps(WatcherContext context)
    {
        var count = 0;
        for (var i = context.History.Count - 1; i >= 0; i--)
        {
            var step = context.History[i];
            if (step.Delegated)
            {
                break;
            }
            if (!step.PollingOnly)
            {
                count++;
            }
        }
        return count;
    }
}
