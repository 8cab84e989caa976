// Codex runs every shell command through a shell and reports the wrapped form: `/bin/bash -c 'echo hi > f'`, or
// `/bin/bash -lc '...'` for a login shell (checked with codex-cli 0.169.0). People, `traj` and the orchestrator want
// the command the model asked for, so the wrapper is taken off when the whole string is exactly one shell, one -c
// style flag and one quoted script. Anything else (pipelines of shells, unbalanced quotes) is shown as reported.
using System.Text;

namespace Zwarm.Core.Agents.Codex;

internal static class ShellWrapper
{
    private static readonly string[] Shells = ["bash", "sh", "zsh", "dash"];
    private static readonly string[] ScriptFlags = ["-c", "-lc", "-ic"];

    /// <summary>The script inside <c>SHELL -c 'SCRIPT'</c>, or <paramref name="command"/> unchanged.</summary>
    public static string Unwrap(string command)
    {
        if (Split(command) is not [var shell, var flag, var script]
            || !ScriptFlags.Contains(flag, StringComparer.Ordinal)
            || !Shells.Contains(shell[(shell.LastIndexOf('/') + 1)..], StringComparer.Ordinal))
        {
            return command;
        }
        return script;
    }

    /// <summary>POSIX shell word splitting (quotes and backslashes, no expansions); null when quotes do not close.</summary>
    internal static List<string>? Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0) return null;
                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    if (!ReadDoubleQuoted(text, ref i, word)) return null;
                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= text.Length) return null;
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    // Inside double quotes a backslash escapes only $ ` " \ and newline.
    private static bool ReadDoubleQuoted(string text, ref int i, StringBuilder word)
    {
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') return true;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                word.Append(text[++i]);
                continue;
            }
            word.Append(c);
        }
        return false;
    }
}
