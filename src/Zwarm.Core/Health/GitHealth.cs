// The doctor's git line: isolated sessions (spawn --worktree, best of N) need git 2.38 or newer. git is not part of
// "healthy" (a zwarm that never isolates works without it), but a missing or old git is named with the version needed.
using Zwarm.Core.Workspaces;

namespace Zwarm.Core.Health;

/// <summary>The git that isolated sessions would use: where, which version, and what is wrong with it (null: fine).</summary>
public sealed record GitHealth(string? Path, string? Version, string Minimum, string? Problem)
{
    internal static async Task<GitHealth> CheckAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var minimum = GitVersion.Minimum.ToString();
        var runner = new GitRunner(environment);
        GitResult result;
        try
        {
            result = await runner.RunAsync(System.IO.Path.GetTempPath(), ["version"], null, cancellationToken).ConfigureAwait(false);
        }
        catch (ZwarmException e)
        {
            return new GitHealth(null, null, minimum, e.Message);
        }
        if (!result.Succeeded || GitVersion.Parse(result.Value) is not { } version)
        {
            return new GitHealth(runner.Executable, null, minimum, $"cannot tell the version of git from '{result.Value}' ({result.Message})");
        }
        return version < GitVersion.Minimum
            ? new GitHealth(runner.Executable, version.ToString(), minimum,
                $"git {version} is too old: isolated sessions need git {minimum} or newer (merge-tree --write-tree)")
            : new GitHealth(runner.Executable, version.ToString(), minimum, null);
    }
}
