// The store holds prompts, outputs and transcripts, which carry secrets: every folder zwarm makes in it is 0700 and
// every file 0600, set through the create mode of each call (never by changing the process umask, which git and the
// agents inherit: their files in the user's tree stay the user's). A store made by an older zwarm (0755/0644) is
// tightened as zwarm writes to it.
using System.Collections.Concurrent;

namespace Zwarm.Core.Sessions;

public static class PrivateStore
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly ConcurrentDictionary<string, bool> Tightened = new(StringComparer.Ordinal);

    /// <summary>Creates <paramref name="path"/> (and missing parents) 0700, or tightens it when it exists and is ours.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
            return;
        }
        Tighten(path);
    }

    /// <summary>Like <see cref="CreateDirectory"/>, but checks an existing folder only once per process.</summary>
    public static void CreateDirectoryOnce(string path)
    {
        if (!Tightened.ContainsKey(path))
        {
            CreateDirectory(path);
            Tightened[path] = true;
        }
    }

    /// <summary>Options for a new private file (0600 whatever the umask).</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None) =>
        OperatingSystem.IsWindows()
            ? new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 1 }
            : new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 1, UnixCreateMode = FileMode };

    /// <summary>Sets an existing folder or file of ours to 0700 / 0600 (never through a link; best effort).</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || StoreNative.Lstat(path) is not { } facts)
        {
            return;
        }
        var wanted = facts.Kind switch
        {
            FileKind.Directory => DirectoryMode,
            FileKind.Regular => FileMode,
            _ => (UnixFileMode?)null,
        };
        if (wanted is not { } mode || (facts.Mode & ~mode & (UnixFileMode)0x1FF) == 0
            || (facts.OwnerId >= 0 && facts.OwnerId != StoreNative.EffectiveUserId))
        {
            return;
        }
        try
        {
            File.SetUnixFileMode(path, facts.Mode & mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read-only store or a file that is not ours: the write that follows says what is wrong
        }
    }
}
