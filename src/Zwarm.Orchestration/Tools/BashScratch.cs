// The one directory a read-only bash command may write in: private (0700, made by mkdtemp), handed to the command as
// $ZWARM_SCRATCH and $TMPDIR, and removed with everything in it when the run ends — also folders the command made
// unwritable (chmod is not a write Landlock can deny). Links inside it are removed, never followed.
namespace Zwarm.Orchestration.Tools;

internal static class BashScratch
{
    public const string Variable = "ZWARM_SCRATCH";

    public static string Create() => Directory.CreateTempSubdirectory("zwarm-bash-").FullName;

    public static void Delete(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                MakeWritable(path);
            }
        }
    }

    private static void MakeWritable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            File.SetUnixFileMode(path, Owner);
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var dir in Directory.EnumerateDirectories(path, "*", options))
            {
                File.SetUnixFileMode(dir, Owner);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // what is left stays in the temp dir; the run's result matters more
        }
    }
}
