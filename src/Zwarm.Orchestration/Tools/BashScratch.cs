// The one directory a read-only bash command may write in: private (0700, made by mkdtemp), handed to the command as
// $ZWARM_SCRATCH and $TMPDIR, and emptied and removed when the run ends. Where the command ran read-only, the emptying
// runs under the same ruleset (`rm -rf` through `__readonly-exec`): a process of the command that survived the run
// could swap a folder in it for a link to elsewhere while it is being removed, and then the removal still cannot
// delete anything outside the scratch dir. zwarm itself only removes the emptied folder (rmdir).
using CliWrap;

namespace Zwarm.Orchestration.Tools;

internal static class BashScratch
{
    public const string Variable = "ZWARM_SCRATCH";

    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    public static string Create() => Directory.CreateTempSubdirectory("zwarm-bash-").FullName;

    public static async Task DeleteAsync(string path, BashSandbox sandbox)
    {
        if (!sandbox.Enforced)
        {
            Remove(path, recursive: true); // nothing confined the command: nothing to protect the removal from either
            return;
        }
        using var limit = new CancellationTokenSource(RemoveTimeout);
        try
        {
            // rm cannot remove the scratch dir itself (its parent is read-only to it): only what is inside.
            await Cli.Wrap(sandbox.Launcher!)
                .WithArguments([BashSandbox.Verb, path, "--", "/bin/rm", "-rf", "--one-file-system", "--", path])
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // what is left stays in the private temp folder; the run's result matters more
        }
        Remove(path, recursive: false);
    }

    private static void Remove(string path, bool recursive)
    {
        try
        {
            Directory.Delete(path, recursive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not empty (a folder the command made unwritable) or gone: left in the temp folder
        }
    }
}
