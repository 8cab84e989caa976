// Regex rules over the latest step: e.g. abort when a bash command or a delegated task mentions `git push --force`,
// nudge when a result says "permission denied". The most severe matching rule wins.
using Zwarm.Orchestration.Loop;

namespace Zwarm.Orchestration.Watchers;

internal sealed class PatternWatcher(PatternWatcherSettings settings) : IWatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public string Name => "pattern";

    public int Priority => settings.Priority;

    public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        WatcherVerdict best = WatcherVerdict.Continue(Name, Priority);
        if (context.LastStep is not { } step)
        {
            return Task.FromResult(best);
        }
        foreach (var rule in settings.Rules)
        {
            if (rule.Action <= best.Action)
            {
                continue;
            }
            foreach (var (where, text) in Targeted(step, rule.Target))
            {
                if (Matches(rule, text, out var hit))
                {
                    var message = rule.Message ?? $"Pattern '{rule.Name}' matched {where}: \"{StepContent.Shorten(hit, 80)}\".";
                    best = new WatcherVerdict(Name, rule.Action, message, Priority);
                    break;
                }
            }
        }
        return Task.FromResult(best);
    }

    private static bool Matches(PatternRule rule, string text, out string hit)
    {
        try
        {
            var match = rule.Pattern.Match(text);
            hit = match.Value;
            return match.Success;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            hit = "";
            return false;
        }
    }

    private static IEnumerable<(string Where, string Text)> Targeted(StepRecord step, string target) => target switch
    {
        "text" => StepContent.Pieces(step).Where(p => p.Where == "text"),
        "tool_calls" => StepContent.Pieces(step).Where(p => p.Where.StartsWith("tool_call:", StringComparison.Ordinal)),
        "tool_results" => StepContent.Pieces(step).Where(p => p.Where.StartsWith("tool_result:", StringComparison.Ordinal)),
        "bash" => StepContent.BashCommands(step).Select(c => ("a bash command", c)),
        _ => StepContent.Pieces(step),
    };

    /// <summary>Compiles a rule's pattern the way the watcher runs it (bounded match time).</summary>
    public static System.Text.RegularExpressions.Regex Compile(string pattern) =>
        new(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, MatchTimeout);
}
