// What `zwarm __complete --shell S -- LINE` prints: the words a shell may put at the cursor of LINE (a zwarm command
// line up to the cursor, program name first). The REPL's completer answers; this class only adapts the span it
// replaces to what each shell replaces: fish swaps the whole token, bash only the part after its word breaks
// ('=' and ':' by default), zsh the part after `compset -P '*='`.
using System.CommandLine;
using Zwarm.Cli.Interactive;

namespace Zwarm.Cli.Completion;

internal static class ShellCompletion
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static IReadOnlyList<string> Complete(RootCommand root, string shell, string line)
    {
        var tokens = ReplTokenizer.Scan(line);
        if (tokens.Count == 0 || (tokens.Count == 1 && tokens[0].End == line.Length))
        {
            return []; // still on the program's own name
        }
        var rest = line[tokens[0].End..];
        var result = new ReplCompleter(root).Complete(rest, rest.Length);
        var current = ReplTokenizer.Scan(rest).LastOrDefault(t => t.Start <= rest.Length && t.End == rest.Length);
        var tokenStart = current?.Start ?? rest.Length;
        var before = rest[tokenStart..Math.Max(tokenStart, result.Start)]; // "--model=" when completing its value
        return shell switch
        {
            "fish" => [.. result.Candidates.Select(c => before + c)],
            "bash" => [.. result.Candidates.Select(c => AfterBreak(before + c, rest[tokenStart..]))],
            _ => result.Candidates,
        };
    }

    // The candidate as bash replaces it: from after the last '=' or ':' of the typed word.
    private static string AfterBreak(string candidate, string typed)
    {
        var cut = typed.LastIndexOfAny(['=', ':']) + 1;
        return cut > 0 && cut <= candidate.Length ? candidate[cut..] : candidate;
    }
}
