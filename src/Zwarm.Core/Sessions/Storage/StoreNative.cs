// libc calls the store needs and the BCL does not expose: open(2) with O_NOFOLLOW (never write through a link
// planted in the store), flock(2) without blocking, statx(2) for a file's type, owner and inode, geteuid(2).
// Flag and errno values differ between Linux architectures and macOS, so they are picked at run time.
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Zwarm.Core.Sessions;

internal static partial class StoreNative
{
    private const int LOCK_EX = 2;
    private const int LOCK_NB = 4;
    private const int AT_FDCWD = -100;
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const uint STATX_BASIC = 0x7ff;
    private const int StatxSize = 256;

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    private static int O_CREAT => OperatingSystem.IsMacOS() ? 0x200 : 0x40;
    private static int O_NOFOLLOW => OperatingSystem.IsMacOS() ? 0x100
        : RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
    private static int O_CLOEXEC => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;
    private static int O_NONBLOCK => OperatingSystem.IsMacOS() ? 0x4 : 0x800;

    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EPERM = 1;
    public const int ENOTDIR = 20;
    public const int EROFS = 30;
    public const int ENOSPC = 28;
    public static int EWOULDBLOCK => OperatingSystem.IsMacOS() ? 35 : 11;
    public static int ELOOP => OperatingSystem.IsMacOS() ? 62 : 40;
    public const int EINTR = 4;

    /// <summary>Opens <paramref name="path"/> never following a final symlink. Returns an invalid handle and the errno on failure.</summary>
    public static SafeFileHandle OpenNoFollow(string path, bool write, bool create, out int errno)
    {
        var flags = (write ? 2 /* O_RDWR */ : 0) | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (create ? O_CREAT : 0);
        int fd;
        do
        {
            fd = Open(path, flags, 0b110_000_000 /* 0600 */);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
        while (fd < 0 && errno == EINTR);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>flock(LOCK_EX | LOCK_NB). Returns 0, or the errno (EWOULDBLOCK while another holds it).</summary>
    public static int TryLockExclusive(SafeFileHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int rc, errno;
            do
            {
                rc = Flock((int)handle.DangerousGetHandle(), LOCK_EX | LOCK_NB);
                errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            }
            while (rc != 0 && errno == EINTR);
            return errno;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>lstat-like facts about a path (a link is reported as a link, never followed). Null when it does not exist or on error.</summary>
    public static unsafe FileFacts? Lstat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return FallbackFacts(path);
        }
        Span<byte> buffer = stackalloc byte[StatxSize];
        int rc;
        try
        {
            fixed (byte* b = buffer)
            {
                rc = Statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC, b);
            }
        }
        catch (EntryPointNotFoundException)
        {
            return FallbackFacts(path);
        }
        if (rc != 0)
        {
            return null;
        }
        var uid = MemoryMarshal.Read<uint>(buffer[20..]);
        var mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        var inode = MemoryMarshal.Read<ulong>(buffer[32..]);
        return new FileFacts(KindOf(mode), (int)uid, (UnixFileMode)(mode & 0xFFF), inode);
    }

    /// <summary>The effective user id of this process (-1 where there is none).</summary>
    public static int EffectiveUserId => IsSupported ? (int)GetEuid() : -1;

    /// <summary>strerror(errno) with the errno's name where it matters to a user ("Read-only file system (EROFS)").</summary>
    public static string Describe(int errno)
    {
        var name = errno == EROFS ? "EROFS" : errno == EACCES ? "EACCES" : errno == EPERM ? "EPERM"
            : errno == ENOSPC ? "ENOSPC" : errno == ELOOP ? "ELOOP" : null;
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return name is null ? text : $"{text} ({name})";
    }

    private static FileKind KindOf(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Link,
        _ => FileKind.Special,
    };

    private static FileFacts? FallbackFacts(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return null;
        }
        var kind = info.LinkTarget is not null ? FileKind.Link
            : Directory.Exists(path) ? FileKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Special : FileKind.Regular;
        return new FileFacts(kind, -1, OperatingSystem.IsWindows() ? 0 : info.UnixFileMode, 0);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
