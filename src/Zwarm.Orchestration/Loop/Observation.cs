// The fresh look at the environment the model gets before each step (shown once, not kept in the conversation):
// the step budget, the instance's sessions with what needs attention, tokens and cost so far.
using System.Globalization;
using System.Text;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

internal static class Observation
{
    private const int MaxListed = 25;

    public static string Build(int step, int runStep, int maxRunSteps, IReadOnlyList<SessionSummary> sessions,
        SessionTools tools, TokenUsage orchestratorUsage, decimal? orchestratorCost, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var left = maxRunSteps - runStep;
        text.Append(CultureInfo.InvariantCulture,
            $"[OBSERVATION] Step {runStep} of at most {maxRunSteps} in this run ({left} left after this one; step {step} of the instance). ");
        text.Append(now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC\n");

        if (sessions.Count == 0)
        {
            text.Append("You have not started any session yet.\n");
        }
        else
        {
            var counts = sessions.GroupBy(s => s.Status.ToName()).Select(g => $"{g.Count()} {g.Key}");
            text.Append(CultureInfo.InvariantCulture,
                $"Your sessions: {sessions.Count} ({string.Join(", ", counts)}); at most {tools.Options.MaxRunningSessions} may run at once.\n");
            foreach (var s in sessions.Take(MaxListed))
            {
                var attention = tools.AttentionFor(s);
                text.Append(CultureInfo.InvariantCulture,
                    $"- {SessionTools.ShortId(s.Id)} {s.Status.ToName()} {s.Adapter} turn {s.Turns} \"{Shorten(s.Task, 70)}\" " +
                    $"{Tokens(s.InputTokens + s.OutputTokens)} tokens{Cost(s.CostUsd)}");
                if (attention is not null)
                {
                    text.Append("  <- NEEDS ATTENTION: ").Append(attention);
                }
                text.Append('\n');
            }
            if (sessions.Count > MaxListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"... and {sessions.Count - MaxListed} older sessions (list_sessions shows all).\n");
            }
        }
        var sessionTokens = sessions.Sum(s => s.InputTokens + s.OutputTokens);
        var sessionCost = sessions.Sum(s => s.CostUsd ?? 0m);
        text.Append(CultureInfo.InvariantCulture,
            $"Usage so far: you {Tokens(orchestratorUsage.TotalTokens)} tokens{Cost(orchestratorCost)}; sessions {Tokens(sessionTokens)} tokens{Cost(sessionCost)}.");
        return text.ToString();
    }

    private static string Shorten(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..max] + "…";
    }

    private static string Tokens(long n) => n < 1000
        ? n.ToString(CultureInfo.InvariantCulture)
        : (n / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k";

    private static string Cost(decimal? usd) => usd is { } c ? " $" + c.ToString("0.00##", CultureInfo.InvariantCulture) : "";
}
