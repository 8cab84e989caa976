// Catches a model going round in circles: the same tool call with the same result again and again (polling a
// session that will not change, retrying a refused delegate), the same text reply repeated, or many steps in which
// nothing moved at all.
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Watchers;

internal sealed class ProgressWatcher(ProgressWatcherSettings settings) : IWatcher
{
    public string Name => "progress";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Check(context));

    private WatcherVerdict Check(WatcherContext context)
    {
        var (repeats, call) = TrailingRepeats(context.History);
        if (call is not null && settings.AbortRepeats > 0 && repeats >= settings.AbortRepeats)
        {
            return new WatcherVerdict(Name, WatcherAction.Abort,
                $"{Describe(call)} was called {repeats} times in a row with the same result; the run is going in circles.", Priority);
        }
        if (call is not null && settings.MaxRepeats > 0 && repeats >= settings.MaxRepeats)
        {
            var hint = ToolNames.IsPolling(call.Name)
                ? "Nothing changed between these calls. Use wait_for_sessions to block until a session stops instead of polling, or act on what you already know."
                : "Repeating it will not change the outcome. Read the result, change your approach, or move on.";
            return new WatcherVerdict(Name, WatcherAction.Nudge,
                $"You called {Describe(call)} {repeats} times in a row and got the same result each time. {hint}", Priority);
        }

        var texts = TrailingRepeatedTexts(context.History);
        if (settings.MaxRepeats > 0 && texts >= settings.MaxRepeats)
        {
            return new WatcherVerdict(Name, WatcherAction.Nudge,
                $"Your last {texts} replies were the same text without any tool call. Act through the tools, or call exit if the task is done.", Priority);
        }

        if (settings.StallSteps > 0 && Stalled(context.History, settings.StallSteps))
        {
            return new WatcherVerdict(Name, WatcherAction.Nudge,
                $"No progress in the last {settings.StallSteps} steps: no session changed state and nothing was delegated, continued or ended. " +
                "If a session is stuck, look at its trajectory and end or correct it; if the work is done, verify it and exit.", Priority);
        }
        return WatcherVerdict.Continue(Name, Priority);
    }

    /// <summary>How many of the last tool calls (across steps) are identical to the very last one, and that call.</summary>
    internal static (int Count, ToolCallRecord? Call) TrailingRepeats(IReadOnlyList<StepRecord> history)
    {
        ToolCallRecord? last = null;
        var count = 0;
        for (var s = history.Count - 1; s >= 0; s--)
        {
            var calls = history[s].ToolCalls;
            if (calls.Count == 0)
            {
                // A text-only step between two identical calls does not break the circle.
                continue;
            }
            for (var c = calls.Count - 1; c >= 0; c--)
            {
                var call = calls[c];
                if (last is null)
                {
                    last = call;
                    count = 1;
                }
                else if (call.Name == last.Name && call.ArgumentsJson == last.ArgumentsJson && call.ResultJson == last.ResultJson)
                {
                    count++;
                }
                else
                {
                    return (count, last);
                }
            }
        }
        return (count, last);
    }

    private static int TrailingRepeatedTexts(IReadOnlyList<StepRecord> history)
    {
        var count = 0;
        string? text = null;
        for (var s = history.Count - 1; s >= 0; s--)
        {
            var step = history[s];
            if (step.ToolCalls.Count > 0 || string.IsNullOrWhiteSpace(step.Text))
            {
                break;
            }
            if (text is null || text == step.Text)
            {
                text = step.Text;
                count++;
            }
            else
            {
                break;
            }
        }
        return count;
    }

    private static bool Stalled(IReadOnlyList<StepRecord> history, int steps)
    {
        if (history.Count < steps)
        {
            return false;
        }
        var window = history.Skip(history.Count - steps).ToList();
        var fingerprint = window[0].SessionsFingerprint;
        return window.All(s => s.SessionsFingerprint == fingerprint)
            && !window.Any(s => s.ToolCalls.Any(c => !c.IsError && c.Name is ToolNames.Delegate or ToolNames.Converse
                or ToolNames.EndSession or ToolNames.Exit));
    }

    private static string Describe(ToolCallRecord call)
    {
        var args = call.ArgumentsJson.Length > 120 ? call.ArgumentsJson[..120] + "…" : call.ArgumentsJson;
        return $"{call.Name}({args})";
    }
}
