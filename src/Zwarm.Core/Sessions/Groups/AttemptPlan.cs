// Best of N: which adapters `spawn --attempts N -a codex:2,claude` runs. An entry without a count runs --attempts
// times (1 without it); `name:K` runs K times. One adapter once is no group at all (a plain spawn).
using System.Globalization;
using Zwarm.Core.Agents;

namespace Zwarm.Core.Sessions.Groups;

public static class AttemptPlan
{
    /// <summary>More attempts than this at once is almost surely a typo (each is a worktree and an agent).</summary>
    public const int MaxAttempts = 16;

    /// <summary>
    /// The adapter of each attempt, in order (canonical names), or null when the request is a single session.
    /// Unknown adapters, bad counts and too many attempts are Usage errors, before anything starts.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? adapters, int? attempts, string defaultAdapter, AgentRegistry registry)
    {
        if (attempts is < 1)
        {
            throw new ZwarmException(ErrorKind.Usage, "--attempts must be at least 1");
        }
        var entries = string.IsNullOrWhiteSpace(adapters)
            ? [defaultAdapter]
            : adapters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "--adapter: no adapter given");
        }
        var plan = new List<string>();
        var counted = false;
        foreach (var entry in entries)
        {
            var (name, count) = Split(entry, attempts ?? 1);
            counted |= entry.Contains(':', StringComparison.Ordinal);
            var adapter = registry.Find(name) ?? throw new ZwarmException(ErrorKind.Usage, registry.UnknownMessage(name));
            plan.AddRange(Enumerable.Repeat(adapter.Name, count));
            if (plan.Count > MaxAttempts)
            {
                throw new ZwarmException(ErrorKind.Usage, $"at most {MaxAttempts} attempts at once");
            }
        }
        return plan.Count == 1 && attempts is null && !counted ? null : plan;
    }

    private static (string Name, int Count) Split(string entry, int defaultCount)
    {
        var colon = entry.LastIndexOf(':');
        if (colon < 0)
        {
            return (entry, defaultCount);
        }
        var text = entry[(colon + 1)..].Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new ZwarmException(ErrorKind.Usage, $"--adapter: '{entry}' needs a count of at least 1 after the colon (e.g. codex:2)");
        }
        return (entry[..colon].Trim(), count);
    }
}
