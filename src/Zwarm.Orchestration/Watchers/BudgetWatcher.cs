// Keeps a run within its budget: steps, tokens and dollars of the orchestrator and its sessions, and the number of
// sessions. Past a limit: ABORT. Near one (warn_at), and near the run's own step limit: one NUDGE to wrap up.
using System.Globalization;

namespace Zwarm.Orchestration.Watchers;

internal sealed class BudgetWatcher(BudgetWatcherSettings settings) : IWatcher
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Name => "budget";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Check(context));
        }
    }

    private WatcherVerdict Check(WatcherContext context)
    {
        var completedSteps = context.Step - 1;
        var checks = new List<(string Key, double Used, double Limit, string Text)>();
        if (settings.MaxSteps > 0)
        {
            checks.Add(("steps", completedSteps, settings.MaxSteps, $"{completedSteps} of {settings.MaxSteps} steps"));
        }
        if (settings.MaxTokens > 0)
        {
            checks.Add(("tokens", context.TotalTokens, settings.MaxTokens, $"{context.TotalTokens:N0} of {settings.MaxTokens:N0} tokens"));
        }
        if (settings.MaxCostUsd > 0)
        {
            var cost = (double)context.TotalCostUsd;
            checks.Add(("cost", cost, settings.MaxCostUsd, $"${Money(cost)} of ${Money(settings.MaxCostUsd)}"));
        }

        foreach (var (_, used, limit, text) in checks)
        {
            if (used >= limit)
            {
                return new WatcherVerdict(Name, WatcherAction.Abort, $"budget exhausted: {text} used", Priority);
            }
        }
        if (settings.MaxSessions > 0)
        {
            var sessions = context.Sessions.Count;
            if (sessions > settings.MaxSessions)
            {
                return new WatcherVerdict(Name, WatcherAction.Abort,
                    $"budget exhausted: {sessions} sessions started, the limit is {settings.MaxSessions}", Priority);
            }
            if (sessions == settings.MaxSessions && _warned.Add("sessions-full"))
            {
                return new WatcherVerdict(Name, WatcherAction.Nudge,
                    $"You have started {sessions} sessions, the limit of this run. Do not delegate new sessions: continue the existing ones with converse, or finish.", Priority);
            }
        }

        var warnings = new List<string>();
        foreach (var (key, used, limit, text) in checks)
        {
            if (used >= limit * settings.WarnAt && _warned.Add(key))
            {
                warnings.Add(text);
            }
        }
        if (context.MaxRunSteps > 0)
        {
            var warnLeft = (int)Math.Ceiling(context.MaxRunSteps * (1 - settings.WarnAt));
            if (context.StepsLeft <= Math.Max(1, warnLeft) && _warned.Add("run-steps"))
            {
                warnings.Add($"only {context.StepsLeft} of {context.MaxRunSteps} steps left in this run");
            }
        }
        if (warnings.Count > 0)
        {
            return new WatcherVerdict(Name, WatcherAction.Nudge,
                $"Budget: {string.Join("; ", warnings)}. Prioritize: get the running work verified and finish (exit with a summary) before the budget runs out.",
                Priority);
        }
        return WatcherVerdict.Continue(Name, Priority);
    }

    private static string Money(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
