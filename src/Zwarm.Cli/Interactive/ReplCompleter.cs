// What Tab offers at the cursor, asked of the command tree itself (ParseResult.GetCompletions): command names,
// option names, and the values the verbs declare (session ids, agents, models, sandbox modes, statuses,
// directories). The line up to the cursor is re-parsed as text so System.CommandLine knows which symbol the word
// belongs to; on top of it the REPL offers only what starts with the typed text (System.CommandLine matches
// anywhere), options only once a '-' is typed, and never the value `true` a flag would take.
using System.CommandLine;
using System.CommandLine.Completions;
using Zwarm.Cli.Completion;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplCompleter(RootCommand root)
{
    private readonly ParserConfiguration _parser = new() { ResponseFileTokenReplacer = null };

    public CompletionResult Complete(string line, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, line.Length);
        if (line.TrimStart().StartsWith('!'))
        {
            return CompletionResult.None(cursor);
        }
        var tokens = ReplTokenizer.Scan(line);
        var index = tokens.Count(t => t.End < cursor);
        var current = index < tokens.Count && tokens[index].Start <= cursor ? tokens[index] : null;
        var words = tokens.Take(index).Select(t => t.Value).ToList();
        if (words.Count > 0 && words[0] is ['?', _, ..])
        {
            words = ["?", words[0][1..], .. words.Skip(1)];
        }
        int start = current?.Start ?? cursor, end = current?.End ?? cursor;
        var raw = current is null ? "" : line[current.Start..cursor];
        if (words.Count == 0 && raw.Length > 1 && raw[0] == '?')
        {
            (words, raw, start) = (["?"], raw[1..], start + 1); // `?ID`, as `? ID`
        }
        else if (raw.StartsWith('-') && raw.IndexOf('=') is var eq and > 0)
        {
            words.Add(raw[..eq]); // --model=gp: complete the value after '='
            (raw, start) = (raw[(eq + 1)..], start + eq + 1);
        }
        var typed = ReplTokenizer.Scan(raw) is [var only] ? only.Value : "";
        if (typed.Any(char.IsWhiteSpace) || (words.Count > 0 && words[0] is [not ('-' or '['), ..] && !IsCommand(root, words[0])))
        {
            return CompletionResult.None(cursor);
        }
        var candidates = Candidates(words, typed).Select(ReplTokenizer.Quote).ToList();
        return new CompletionResult(start, end, typed, candidates, AppendSpace: !candidates.All(c => c.EndsWith('/')));
    }

    private IEnumerable<string> Candidates(List<string> words, string typed)
    {
        var before = root.Parse(words, _parser);
        var command = before.CommandResult.Command;
        if (typed.Length > 0 && !typed.StartsWith('-') && command.Subcommands.Any(c => Names(c).Contains(typed)))
        {
            // The typed word already names a subcommand (`c` is continue): offer every name it starts, not continue's options.
            return Keywords(command.Subcommands.Where(c => !c.Hidden).SelectMany(Names), typed);
        }
        // Flags take no value worth completing: drop them, so the next word is completed as what it is.
        var flags = Options(before.CommandResult).Where(o => o.Arity.MaximumNumberOfValues == 0 || o.ValueType == typeof(bool)).SelectMany(o => o.Aliases.Prepend(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        var kept = words.Where(w => !flags.Contains(w)).Select(w => w.Length == 0 || w.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? "_" : w);
        var text = string.Join(' ', kept.Append(typed));
        var items = Complete(text)
            .Where(i => i.Label.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Where(i => typed.StartsWith('-') == i.Label.StartsWith('-'))
            .Where(i => !(i.Kind == CompletionKinds.Keyword && i.Label.StartsWith('/')))
            .ToList();
        var keywords = Keywords(items.Where(i => i.Kind == CompletionKinds.Keyword).Select(i => i.Label), typed);
        var values = items.Where(i => i.Kind != CompletionKinds.Keyword).OrderBy(i => i.SortText, StringComparer.Ordinal).Select(i => i.Label);
        return keywords.Concat(values).Distinct(StringComparer.Ordinal);
    }

    private List<CompletionItem> Complete(string text)
    {
        try
        {
            return [.. root.Parse(text, _parser).GetCompletions(text.Length)];
        }
        catch (InvalidOperationException)
        {
            return []; // a word System.CommandLine splits differently than it matches (e.g. --opt:value)
        }
    }

    private static IEnumerable<string> Keywords(IEnumerable<string> names, string typed) =>
        names.Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<string> Names(Command command) => command.Aliases.Prepend(command.Name);

    // The options in scope at a command: its own and the recursive ones of its parents.
    private static IEnumerable<Option> Options(System.CommandLine.Parsing.CommandResult result)
    {
        foreach (var option in result.Command.Options)
        {
            yield return option;
        }
        for (var parent = result.Parent as System.CommandLine.Parsing.CommandResult; parent is not null;
             parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }

    private static bool IsCommand(RootCommand root, string word) => root.Subcommands.Any(c => Names(c).Contains(word));
}
