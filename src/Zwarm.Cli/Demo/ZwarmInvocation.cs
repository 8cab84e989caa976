// How the user runs zwarm, so that printed follow-up commands work when pasted: `./zwarm` (or whatever path) when
// started through the checkout's ./zwarm script, which exports ZWARM_INVOKED_AS="$0"; `zwarm` when the zwarm on PATH
// is this program; else this program's full path.
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
