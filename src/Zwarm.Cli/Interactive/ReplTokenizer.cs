// Splits a REPL line into words the way a POSIX shell does, minus expansions: blanks separate words; '...' is
// literal; "..." keeps blanks and takes \" and \\ as escapes (other backslashes stay); outside quotes a backslash
// makes the next character literal; adjacent parts join (--model="gpt 5" is one word).
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal static class ReplTokenizer
{
    /// <summary>The words of <paramref name="line"/>; an unterminated quote is a usage error.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var tokens = Scan(line);
        if (tokens.Count > 0 && tokens[^1].OpenQuote is { } quote)
        {
            throw new ZwarmException(ErrorKind.Usage, $"unterminated {quote} quote (starting at column {tokens[^1].Start + 1})");
        }
        return tokens.Select(t => t.Value).ToList();
    }

    /// <summary>
    /// Lenient split for completion: never fails; a quote still open at the end leaves the last token's
    /// <see cref="ReplToken.OpenQuote"/> set.
    /// </summary>
    public static IReadOnlyList<ReplToken> Scan(string line)
    {
        var tokens = new List<ReplToken>();
        var value = new System.Text.StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }
            if (i >= line.Length)
            {
                break;
            }
            var start = i;
            char? open = null;
            value.Clear();
            while (i < line.Length && !IsBlank(line[i]))
            {
                var c = line[i];
                if (c == '\'')
                {
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        value.Append(line, i + 1, line.Length - i - 1);
                        open = '\'';
                        i = line.Length;
                        break;
                    }
                    value.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (c == '"')
                {
                    i = ReadDoubleQuoted(line, i + 1, value, out var closed);
                    if (!closed)
                    {
                        open = '"';
                        break;
                    }
                }
                else if (c == '\\' && i + 1 < line.Length)
                {
                    value.Append(line[i + 1]);
                    i += 2;
                }
                else
                {
                    value.Append(c);
                    i++;
                }
            }
            tokens.Add(new ReplToken(value.ToString(), start, i, open));
        }
        return tokens;
    }

    /// <summary>Quotes <paramref name="word"/> so that <see cref="Split"/> gives it back unchanged.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => !IsBlank(c) && c is not ('"' or '\'' or '\\')))
        {
            return word;
        }
        return "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    // Reads after an opening '"' up to the closing one; returns the index after it (or the line's end).
    private static int ReadDoubleQuoted(string line, int i, System.Text.StringBuilder value, out bool closed)
    {
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '"')
            {
                closed = true;
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                value.Append(line[i + 1]);
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        closed = false;
        return i;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
