// Tells whether a shell command changes files or the repository (redirection into a file, in-place edits, patch,
// git commits, package installs, file management). Quoted text is ignored, so `grep "a > b"` is read-only, and
// redirections to /dev/null or between descriptors (2>&1) do not count.
using System.Text.RegularExpressions;

namespace Zwarm.Orchestration.Watchers;

internal static partial class WriteCommandDetector
{
    /// <summary>The reason <paramref name="command"/> writes, or null when it looks read-only.</summary>
    public static string? WhyWrites(string command)
    {
        var bare = Quoted().Replace(command, "''");
        if (HereDocToFile().IsMatch(bare))
        {
            return "writes a file from a here-document";
        }
        foreach (Match m in Redirect().Matches(bare))
        {
            var target = m.Groups["target"].Value;
            if (target != "/dev/null" && !target.StartsWith('&'))
            {
                return $"redirects output into {target}";
            }
        }
        if (Editing().Match(bare) is { Success: true } edit)
        {
            return $"runs `{edit.Value.Trim()}`";
        }
        // Inline scripts live inside quotes, so they are checked on the command as written.
        if (InlineScriptWrites().IsMatch(command))
        {
            return "writes files from an inline script";
        }
        return null;
    }

    [GeneratedRegex("""'[^']*'|"(?:[^"\\]|\\.)*"|`[^`]*`""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"<<-?\s*''?\w*''?[^\n]*>\s*\S")]
    private static partial Regex HereDocToFile();

    // `>` or `>>` not part of `->`, `=>` or a comparison inside [[ ]]; an optional fd number before it.
    [GeneratedRegex(@"(?<![-=<>])\d*>{1,2}\|?\s*(?<target>&?[^\s;|&)]+)")]
    private static partial Regex Redirect();

    [GeneratedRegex(@"(^|[;&|(]|\b(?:then|do|xargs|sudo|exec|env)\b)\s*(tee|touch|mkdir|rm|rmdir|mv|cp|chmod|chown|ln|truncate|install|patch|dd)(\s|$)|\bsed\s+(-[a-zA-Z]*i|--in-place)|\bperl\s+-[a-zA-Z]*i|\bgit\s+(apply|am|commit|push|checkout|switch|reset|restore|stash|merge|rebase|cherry-pick|revert|rm|mv|add|clean)\b|\b(pip3?|npm|pnpm|yarn|gem|cargo|apt-get|apt|brew)\s+(install|add|uninstall|remove)\b|\bdotnet\s+(add|new|remove)\b")]
    private static partial Regex Editing();

    [GeneratedRegex(@"\b(python3?|node|ruby|perl)\s+-[ce]\s.*\b(open\s*\([^)]*['""][wa]|write(File)?(Sync)?\s*\(|unlink|rmtree|remove\s*\()")]
    private static partial Regex InlineScriptWrites();
}
