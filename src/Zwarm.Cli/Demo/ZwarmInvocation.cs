// How the user runs zwarm, so that printed follow-up commands work when pasted: `./zwarm` (or whatever path) when
// started through the checkout's ./zwarm script, which exports ZWARM_INVOKED_AS="$0"; `zwarm` when the zwarm on PATH
// is this program; else this program's full path. Inside zwarm-llm (which the lean `zwarm` execs for demo) "this
// program" is the lean `zwarm` beside it: that is what the user typed and what runs every verb.
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Demo;

internal static class ZwarmInvocation
{
    public const string Variable = "ZWARM_INVOKED_AS";

    public static string For(IReadOnlyDictionary<string, string?> environment, string? processPath)
    {
        if (environment.GetValueOrDefault(Variable) is { Length: > 0 } script)
        {
            return Word(script);
        }
        processPath = LeanSibling(processPath);
        var onPath = ExecutableResolver.Resolve("zwarm", environment.GetValueOrDefault("PATH"));
        if (onPath is not null && processPath is not null && SameFile(onPath, processPath))
        {
            return "zwarm";
        }
        return processPath is null ? "zwarm" : Word(processPath);
    }

    /// <summary>A path as one shell word: as is when that is safe, else single-quoted.</summary>
    public static string Word(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "_./-=:@,+%~".Contains(c)) ? text : DemoNarrator.Quote(text);

    /// <summary>The lean `zwarm` beside a running `zwarm-llm`, when there is one; else the path unchanged.</summary>
    private static string? LeanSibling(string? processPath)
    {
        if (processPath is null || Path.GetFileName(processPath) != Infrastructure.SiblingBinary.Llm.FileName)
        {
            return processPath;
        }
        var lean = Path.Combine(Path.GetDirectoryName(processPath) ?? ".", "zwarm");
        return File.Exists(lean) ? lean : processPath;
    }

    private static bool SameFile(string a, string b)
    {
        try
        {
            var ra = new FileInfo(a).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(a);
            var rb = new FileInfo(b).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(b);
            return string.Equals(ra, rb, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
