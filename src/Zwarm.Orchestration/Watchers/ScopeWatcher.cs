// Keeps the run inside its scope: a configured keyword in what the orchestrator said or asked an agent to do (its
// text, delegate tasks, converse messages, bash commands) triggers the configured action. Tool results are not
// checked: an agent reporting on a forbidden area is not the orchestrator entering it.
namespace Zwarm.Orchestration.Watchers;

internal sealed class ScopeWatcher(ScopeWatcherSettings settings) : IWatcher
{
    public string Name => "scope";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        if (context.LastStep is not { } step || settings.Keywords.Count == 0 || settings.Action == WatcherAction.Continue)
        {
            return Task.FromResult(WatcherVerdict.Continue(Name, Priority));
        }
        foreach (var (where, text) in StepContent.Pieces(step))
        {
            if (where.StartsWith("tool_result:", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var keyword in settings.Keywords)
            {
                if (!string.IsNullOrWhiteSpace(keyword) && text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return Task.FromResult(new WatcherVerdict(Name, settings.Action,
                        $"'{keyword}' is out of scope for this run, and it appeared in {Where(where)}. Stay within the task: " +
                        "do not work on it or ask an agent to.", Priority));
                }
            }
        }
        return Task.FromResult(WatcherVerdict.Continue(Name, Priority));
    }

    private static string Where(string where) =>
        where == "text" ? "your reply" : $"your {where["tool_call:".Length..]} call";
}
