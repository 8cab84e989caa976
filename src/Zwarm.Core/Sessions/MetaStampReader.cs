// The (mtime, size) stamp of sessions/<id>/meta.json that keys the `ls` index. `ls` over 10,000 sessions makes
// 10,000 of these, so they are the floor of its cost: one statx(2) each, relative to the open sessions/ directory
// (no path string per session, no walk down the state dir's path again). Where statx is unavailable, FileInfo.
using System.Runtime.InteropServices;
using System.Text;

namespace Zwarm.Core.Sessions;

internal sealed partial class MetaStampReader : IDisposable
{
    private const int O_RDONLY_CLOEXEC = 0x80000;
    private const uint StatxMask = 0x1 /* TYPE */ | 0x40 /* MTIME */ | 0x200 /* SIZE */;
    private const int StatxSize = 256;
    private const int SizeOffset = 40;
    private const int MtimeOffset = 112;
    private const int ModeOffset = 28;

    private readonly string _sessionsDirectory;
    private int _dirFd;

    public MetaStampReader(string sessionsDirectory)
    {
        _sessionsDirectory = sessionsDirectory;
        _dirFd = OperatingSystem.IsLinux() ? OpenNative(sessionsDirectory, O_RDONLY_CLOEXEC) : -1;
    }

    /// <summary>False when the session has no readable meta.json (a regular file).</summary>
    public bool TryRead(string id, out long stamp, out long size)
    {
        if (_dirFd >= 0 && id.Length == SessionId.Length)
        {
            try
            {
                return TryStatx(id, out stamp, out size);
            }
            catch (EntryPointNotFoundException)
            {
                Dispose();
            }
        }
        var info = new FileInfo(Path.Combine(_sessionsDirectory, id, "meta.json"));
        stamp = info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
        size = info.Exists ? info.Length : 0;
        return info.Exists;
    }

    private unsafe bool TryStatx(string id, out long stamp, out long size)
    {
        // "<id>/meta.json\0": ids are validated ASCII, so one byte per char.
        Span<byte> path = stackalloc byte[SessionId.Length + 16];
        var length = Encoding.ASCII.GetBytes(id, path);
        "/meta.json\0"u8.CopyTo(path[length..]);
        Span<byte> buffer = stackalloc byte[StatxSize];
        int rc;
        fixed (byte* p = path)
        fixed (byte* b = buffer)
        {
            rc = StatxNative(_dirFd, p, 0, StatxMask, b);
        }
        var mode = MemoryMarshal.Read<ushort>(buffer[ModeOffset..]);
        if (rc != 0 || (mode & 0xF000) != 0x8000)
        {
            stamp = size = 0;
            return false;
        }
        size = MemoryMarshal.Read<long>(buffer[SizeOffset..]);
        var seconds = MemoryMarshal.Read<long>(buffer[MtimeOffset..]);
        var nanoseconds = MemoryMarshal.Read<uint>(buffer[(MtimeOffset + 8)..]);
        // The same ticks FileInfo.LastWriteTimeUtc gives, so index stamps stay comparable either way.
        stamp = DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
        return true;
    }

    public void Dispose()
    {
        if (_dirFd >= 0)
        {
            CloseNative(_dirFd);
            _dirFd = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "statx")]
    private static unsafe partial int StatxNative(int dirFd, byte* path, int flags, uint mask, byte* buffer);
}
