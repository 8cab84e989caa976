// "did you mean ...?" for a mistyped name: a verb on the command line, a REPL command, a config key. One rule for
// all of them, so the same typo gets the same hint everywhere.
namespace Zwarm.Core.Suggestions;

public static class DidYouMean
{
    /// <summary>
    /// The candidate closest to <paramref name="word"/> (case-insensitive) if it is close enough to be a typo: one
    /// edit for words of up to three letters, two for longer ones; null otherwise or for words shorter than two letters.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length < 2)
        {
            return null;
        }
        var lower = word.ToLowerInvariant();
        var limit = word.Length <= 3 ? 1 : 2;
        return candidates
            .Where(c => c.Length > 1 && !string.Equals(c, word, StringComparison.Ordinal))
            .Select(c => (Name: c, Distance: EditDistance.Between(lower, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } best ? $" (did you mean '{best}'?)" : "";
}
