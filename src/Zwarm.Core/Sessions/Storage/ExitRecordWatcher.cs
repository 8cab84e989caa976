// One inotify instance for a whole `wait`, however many sessions: a watch per turns/ folder on a single descriptor
// (the kernel allows ~128 instances per user but many thousands of watches). A background thread polls the
// descriptor and wakes the waiter on any new or renamed-in file (the supervisor's exit record); the waiter then
// re-derives every status, so a spurious wake costs one check. Elsewhere than Linux the waiter's slow poll alone works.
using System.Runtime.InteropServices;

namespace Zwarm.Core.Sessions;

internal sealed partial class ExitRecordWatcher : IDisposable
{
    private const int IN_NONBLOCK = 0x800;
    private const int IN_CLOEXEC = 0x80000;
    private const uint IN_CREATE = 0x100;
    private const uint IN_MOVED_TO = 0x80;
    private const uint IN_ONLYDIR = 0x1000000;
    private const short POLLIN = 1;
    private const int PollMilliseconds = 200;

    private readonly int _fd;
    private readonly SemaphoreSlim _signal;
    private volatile bool _disposed;

    private ExitRecordWatcher(int fd, SemaphoreSlim signal)
    {
        _fd = fd;
        _signal = signal;
    }

    /// <summary>How many folders are watched.</summary>
    public int Watches { get; private set; }

    /// <summary>Watches <paramref name="directories"/>, releasing <paramref name="signal"/> on each change. Null where inotify is unavailable.</summary>
    public static ExitRecordWatcher? TryStart(IEnumerable<string> directories, SemaphoreSlim signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        int fd;
        try
        {
            fd = InotifyInit(IN_NONBLOCK | IN_CLOEXEC);
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        if (fd < 0)
        {
            return null;
        }
        var watcher = new ExitRecordWatcher(fd, signal);
        foreach (var dir in directories)
        {
            if (AddWatch(fd, dir, IN_CREATE | IN_MOVED_TO | IN_ONLYDIR) >= 0)
            {
                watcher.Watches++;
            }
        }
        new Thread(watcher.Run) { IsBackground = true, Name = "zwarm wait watcher" }.Start();
        return watcher;
    }

    /// <summary>Stops the thread (it closes the descriptor at its next poll tick; nobody waits for it).</summary>
    public void Dispose() => _disposed = true;

    private unsafe void Run()
    {
        var buffer = new byte[64 * 1024];
        var pollFd = stackalloc int[2];
        try
        {
            while (!_disposed)
            {
                pollFd[0] = _fd;
                pollFd[1] = POLLIN;
                var ready = Poll(pollFd, 1, PollMilliseconds);
                if (_disposed)
                {
                    break;
                }
                if (ready <= 0)
                {
                    continue;
                }
                long read;
                fixed (byte* b = buffer)
                {
                    read = Read(_fd, b, buffer.Length);
                }
                if (read > 0 && _signal.CurrentCount == 0)
                {
                    try
                    {
                        _signal.Release();
                    }
                    catch (ObjectDisposedException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            Close(_fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "inotify_init1")]
    private static partial int InotifyInit(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AddWatch(int fd, string path, uint mask);

    [LibraryImport("libc", EntryPoint = "poll")]
    private static unsafe partial int Poll(int* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "read")]
    private static unsafe partial nint ReadNative(int fd, byte* buffer, nuint count);

    private static unsafe long Read(int fd, byte* buffer, int count) => ReadNative(fd, buffer, (nuint)count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
