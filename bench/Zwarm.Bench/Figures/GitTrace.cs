// Reads git's own trace (GIT_TRACE2_EVENT, JSON lines) of the git processes a zwarm command ran, to take one of
// them out of zwarm's time: `spawn --worktree`'s own overhead is its whole time minus the `git worktree add` it ran,
// measured by git itself. On this VM the checkout of 50,000 files varies from 4 to 50 s between identical runs
// (system time in the kernel, not git's or zwarm's work), so whole-process differences drown in it.
using System.Text.Json;

namespace Zwarm.Bench.Figures;

internal static class GitTrace
{
    /// <summary>Wall time in ms of the top-level git process whose command line holds all of <paramref name="words"/>.</summary>
    public static double? WallMs(string traceFile, params string[] words)
    {
        string? sid = null;
        foreach (var line in File.ReadLines(traceFile))
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var kind = e.GetProperty("event").GetString();
            var id = e.GetProperty("sid").GetString()!;
            if (kind == "start" && sid is null && !id.Contains('/', StringComparison.Ordinal)
                && e.TryGetProperty("argv", out var argv))
            {
                var args = argv.EnumerateArray().Select(a => a.GetString()).ToList();
                if (words.All(args.Contains))
                {
                    sid = id;
                }
            }
            else if (kind == "exit" && id == sid)
            {
                return e.GetProperty("t_abs").GetDouble() * 1000;
            }
        }
        return null;
    }
}
