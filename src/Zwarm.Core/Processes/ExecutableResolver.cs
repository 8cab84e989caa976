namespace Zwarm.Core.Processes;

/// <summary>Finds executables the way a shell would (PATH lookup), without starting anything.</summary>
public static class ExecutableResolver
{
    /// <summary>util-linux setsid, used to start turn supervisors in a new session.</summary>
    public static string Setsid => s_setsid ??= Resolve("setsid", Environment.GetEnvironmentVariable("PATH")) ?? "setsid";

    private static string? s_setsid;

    /// <summary>
    /// Resolves <paramref name="name"/> to an absolute path of an executable file: a path (containing '/') is
    /// checked as is (relative to <paramref name="workingDirectory"/>); a bare name is looked up on <paramref name="path"/>.
    /// </summary>
    public static string? Resolve(string name, string? path, string? workingDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        if (name.Contains('/'))
        {
            var full = Path.GetFullPath(name, workingDirectory ?? Directory.GetCurrentDirectory());
            return IsExecutable(full) ? full : null;
        }
        foreach (var dir in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool IsExecutable(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return false;
            }
            if (OperatingSystem.IsWindows())
            {
                return true;
            }
            var mode = File.GetUnixFileMode(file);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
