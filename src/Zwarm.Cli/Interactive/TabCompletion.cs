// Tab's behaviour, kept apart from the line editor so it can be tested: one candidate is inserted (with a space
// after it); several are narrowed to their longest common prefix and listed under the prompt, as bash does;
// pressing Tab again (line unchanged since) cycles through them in place, Shift-Tab backwards.
namespace Zwarm.Cli.Interactive;

internal sealed class TabCompletion(Func<string, int, CompletionResult> complete)
{
    private Cycle? _cycle;

    /// <summary>The line and cursor after a Tab (or Shift-Tab), or null when there is nothing to complete.</summary>
    public TabOutcome? Press(string line, int cursor, bool backwards = false)
    {
        if (_cycle is { } cycle && cycle.Line == line && cycle.Cursor == cursor)
        {
            var count = cycle.Candidates.Count;
            var next = cycle.Index is null
                ? (backwards ? count - 1 : 0)
                : ((backwards ? cycle.Index.Value - 1 : cycle.Index.Value + 1) % count + count) % count;
            return Apply(cycle.Before, cycle.After, cycle.Candidates, next);
        }
        _cycle = null;
        var result = complete(line, cursor);
        if (result.Candidates.Count == 0)
        {
            return null;
        }
        var before = line[..result.Start];
        var after = line[result.End..];
        if (result.Candidates.Count == 1)
        {
            var word = result.Candidates[0];
            var space = result.AppendSpace && !after.StartsWith(' ') ? " " : "";
            return new TabOutcome(before + word + space + after, before.Length + word.Length + space.Length);
        }
        var common = CommonPrefix(result.Candidates);
        var (shown, at) = common.Length > result.Typed.Length && common.StartsWith(result.Typed, StringComparison.OrdinalIgnoreCase)
            ? (before + common + after, before.Length + common.Length)
            : (line, cursor);
        _cycle = new Cycle(shown, at, before, after, result.Candidates, null);
        return new TabOutcome(shown, at, result.Candidates);
    }

    private TabOutcome Apply(string before, string after, IReadOnlyList<string> candidates, int index)
    {
        var line = before + candidates[index] + after;
        var cursor = before.Length + candidates[index].Length;
        _cycle = new Cycle(line, cursor, before, after, candidates, index);
        return new TabOutcome(line, cursor);
    }

    internal static string CommonPrefix(IReadOnlyList<string> words)
    {
        var prefix = words[0];
        foreach (var w in words.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < w.Length && prefix[n] == w[n])
            {
                n++;
            }
            prefix = prefix[..n];
        }
        return prefix;
    }

    private sealed record Cycle(string Line, int Cursor, string Before, string After, IReadOnlyList<string> Candidates, int? Index);
}
