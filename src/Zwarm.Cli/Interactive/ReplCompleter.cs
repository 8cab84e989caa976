// What Tab offers at the cursor: command names first; then, by what the command expects there, option names,
// option values (adapters, models, sandbox modes, statuses, directories) or session ids. Ids are offered in the
// short form `ls` shows (8 characters, longer only where two ids share them), newest first, plus `last` and `all`.
using Zwarm.Core.Agents;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplCompleter(CompletionSources sources)
{
    private const int ShortIdLength = 8;
    private static readonly string[] Statuses = ["pending", "running", "completed", "failed", "killed"];

    public CompletionResult Complete(string line, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, line.Length);
        if (line.TrimStart().StartsWith('!'))
        {
            return CompletionResult.None(cursor);
        }
        var tokens = ReplTokenizer.Scan(line);
        var current = tokens.FirstOrDefault(t => t.Start <= cursor && cursor <= t.End);
        int start, end, index;
        string typed;
        if (current is null)
        {
            start = end = cursor;
            typed = "";
            index = tokens.Count(t => t.End < cursor);
        }
        else
        {
            start = current.Start;
            end = current.End;
            index = tokens.ToList().IndexOf(current);
            var head = ReplTokenizer.Scan(line[start..cursor]);
            typed = head.Count == 0 ? "" : head[0].Value;
        }

        if (index == 0)
        {
            return Result(start, end, typed, sources.Commands.SelectMany(c => c.Names).Where(n => n != "!").Order(StringComparer.Ordinal));
        }
        var command = sources.Commands.FirstOrDefault(c => c.Names.Contains(tokens[0].Value, StringComparer.OrdinalIgnoreCase));
        if (command is null || command.RawText)
        {
            return CompletionResult.None(cursor);
        }

        // The value of an option that takes one?
        var previous = tokens[index - 1].Value;
        var valueOf = command.Options.FirstOrDefault(o => o.TakesValue && (o.Name == previous || o.Short == previous));
        if (valueOf is not null)
        {
            return Values(valueOf.Values, start, end, typed, positional: 0, many: false);
        }
        if (typed.StartsWith('-'))
        {
            return Result(start, end, typed, command.Options.Select(o => o.Name));
        }
        var positional = CountPositionals(command, tokens, index);
        return Values(command.Arguments, start, end, typed, positional, command.ManyArguments);
    }

    // Positional arguments before token `index` (skipping the command, options and option values).
    private static int CountPositionals(ReplCommand command, IReadOnlyList<ReplToken> tokens, int index)
    {
        var count = 0;
        for (var i = 1; i < index; i++)
        {
            var word = tokens[i].Value;
            var option = command.Options.FirstOrDefault(o => o.Name == word || o.Short == word);
            if (option is not null)
            {
                i += option.TakesValue ? 1 : 0;
            }
            else if (!word.StartsWith('-'))
            {
                count++;
            }
        }
        return count;
    }

    private CompletionResult Values(ValueKind kind, int start, int end, string typed, int positional, bool many)
    {
        if (positional > 0 && !many)
        {
            return CompletionResult.None(end);
        }
        return kind switch
        {
            ValueKind.Command => Result(start, end, typed, sources.Commands.Select(c => c.Name).Where(n => n != "!").Order(StringComparer.Ordinal)),
            ValueKind.Adapter => Result(start, end, typed, sources.Adapters),
            ValueKind.Model => Result(start, end, typed, sources.Models),
            ValueKind.Sandbox => Result(start, end, typed, SandboxModes.Names),
            ValueKind.Status => Result(start, end, typed, Statuses),
            ValueKind.Directory => Directories(start, end, typed),
            ValueKind.None => CompletionResult.None(end),
            _ => Sessions(kind, start, end, typed),
        };
    }

    private CompletionResult Sessions(ValueKind kind, int start, int end, string typed)
    {
        IReadOnlyList<SessionSummary> all;
        try
        {
            all = sources.Sessions();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Zwarm.Core.ZwarmException)
        {
            all = [];
        }
        var newestFirst = all.OrderByDescending(s => s.CreatedAt, StringComparer.Ordinal).ToList();
        bool Preferred(SessionSummary s) => kind switch
        {
            ValueKind.RunningSession or ValueKind.RunningOrAll => !s.Status.IsStopped(),
            ValueKind.StoppedSession => s.Status.IsStopped(),
            _ => true,
        };
        var matching = newestFirst.Where(s => s.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var preferred = matching.Where(Preferred).ToList();
        var chosen = preferred.Count > 0 ? preferred : matching;
        var ids = all.Select(s => s.Id).ToList();
        var words = chosen.Select(s => ShortForm(s.Id, ids, typed)).ToList();
        words.Add(ReplContext.LastWord);
        if (kind is ValueKind.SessionOrAll or ValueKind.RunningOrAll)
        {
            words.Add("all");
        }
        return Result(start, end, typed, words, ignoreCase: true);
    }

    /// <summary>The shortest prefix of <paramref name="id"/> (at least 8 characters, and at least what was typed) that no other id shares.</summary>
    internal static string ShortForm(string id, IReadOnlyList<string> allIds, string typed)
    {
        var length = Math.Max(ShortIdLength, typed.Length);
        while (length < id.Length && allIds.Any(other => other != id && other.StartsWith(id[..length], StringComparison.OrdinalIgnoreCase)))
        {
            length++;
        }
        return id[..Math.Min(length, id.Length)];
    }

    private CompletionResult Directories(int start, int end, string typed)
    {
        var slash = typed.LastIndexOf('/');
        var dirPart = slash >= 0 ? typed[..(slash + 1)] : "";
        var namePart = typed[(slash + 1)..];
        var expanded = dirPart.StartsWith("~/", StringComparison.Ordinal) && sources.Home is { } home
            ? Path.Combine(home, dirPart[2..])
            : dirPart;
        var baseDir = Path.GetFullPath(expanded.Length == 0 ? "." : expanded, sources.WorkingDirectory);
        IEnumerable<string> names;
        try
        {
            names = Directory.Exists(baseDir)
                ? Directory.EnumerateDirectories(baseDir).Select(Path.GetFileName).OfType<string>()
                    .Where(n => namePart.StartsWith('.') || !n.StartsWith('.'))
                    .Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            names = [];
        }
        var result = Result(start, end, typed, names.Select(n => dirPart + n + "/"));
        return result with { AppendSpace = false };
    }

    private static CompletionResult Result(int start, int end, string typed, IEnumerable<string> words, bool ignoreCase = false)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var candidates = words.Where(w => w.StartsWith(typed, comparison)).Distinct(StringComparer.Ordinal)
            .Select(ReplTokenizer.Quote).ToList();
        return new CompletionResult(start, end, typed, candidates, AppendSpace: true);
    }
}
