// What a failed write of the store tells the user: the path and the real reason (a read-only file system, no
// permission, a full disk), in one line, at once, never "locked by another process" after a wait.
namespace Zwarm.Core.Sessions;

internal static class StoreErrors
{
    /// <summary>True when the store cannot take writes at all (read-only, permission, disk full): nothing to retry.</summary>
    public static bool IsUnwritable(Exception e) =>
        e is UnauthorizedAccessException
        || e is IOException io && io.HResult is StoreNative.EROFS or StoreNative.ENOSPC or StoreNative.EACCES or StoreNative.EPERM;

    public static ZwarmException WriteFailed(string path, Exception e) =>
        new(ErrorKind.State, $"cannot write {path}: {Reason(e)}", e);

    /// <summary>The errno behind a BCL exception, named ("read-only file system (EROFS)").</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied (EACCES)",
        IOException { HResult: StoreNative.EROFS } => "read-only file system (EROFS)",
        IOException { HResult: StoreNative.ENOSPC } => "no space left on device (ENOSPC: the disk is full)",
        _ => e.Message,
    };
}
