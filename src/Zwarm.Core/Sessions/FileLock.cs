// A cross-process exclusive lock on a file (flock). Guards read-modify-write of meta.json so two zwarm processes
// acting on one session never lose an update, and lets a destructive verb decide under the lock. Three rules:
// - the lock file is opened with O_NOFOLLOW and never created outside an existing folder, so a link planted in the
//   store is refused and a waiter never recreates a folder that was deleted while it waited;
// - after the lock is ours, the path must still exist: a folder removed (renamed away) by the previous holder
//   makes the lock a "gone" error, not a lock on a deleted file;
// - a store that cannot be written (read-only mount, no permission) does not wait: the lock is taken read-only
//   (or not at all when there is no lock file), so readers go on at once and the first write fails with the real
//   reason. Waiting for a holder goes through the injected TimeProvider, so tests drive the timeout with fake time.

namespace Zwarm.Core.Sessions;

public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMilliseconds(50);
    private IDisposable? _handle;

    private FileLock(IDisposable? handle, bool readOnly)
    {
        _handle = handle;
        IsReadOnly = readOnly;
    }

    /// <summary>True when the store could not be written: nothing can change under this lock, writes will fail.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Blocks (up to <paramref name="timeout"/>) until the lock on <paramref name="path"/> is ours.</summary>
    public static Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken) =>
        AcquireAsync(path, timeout, TimeProvider.System, cancellationToken);

    /// <summary>
    /// Blocks (up to <paramref name="timeout"/> on <paramref name="time"/>) until the lock is ours. Throws
    /// <see cref="LockTimeoutException"/> when another holder keeps it, <see cref="DirectoryNotFoundException"/>
    /// when its folder does not exist (or was removed while waiting), <see cref="IOException"/> for a link or a
    /// special file in its place.
    /// </summary>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!StoreNative.IsSupported)
        {
            return await AcquirePortableAsync(path, timeout, time, cancellationToken).ConfigureAwait(false);
        }
        var deadline = time.GetUtcNow() + timeout;
        var delay = FirstRetry;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var handle = StoreNative.OpenNoFollow(path, write: true, create: true, out var errno);
            var readOnly = false;
            if (handle.IsInvalid && (errno == StoreNative.EROFS || errno == StoreNative.EACCES || errno == StoreNative.EPERM))
            {
                handle.Dispose();
                handle = StoreNative.OpenNoFollow(path, write: false, create: false, out var readErrno);
                readOnly = true;
                if (handle.IsInvalid)
                {
                    handle.Dispose();
                    if (readErrno == StoreNative.ENOENT && Directory.Exists(Path.GetDirectoryName(path)))
                    {
                        // A read-only folder without a lock file: nobody can change anything here either.
                        return new FileLock(null, readOnly: true);
                    }
                    errno = readErrno;
                }
            }
            if (handle.IsInvalid)
            {
                throw OpenFailure(path, errno);
            }
            var lockErrno = StoreNative.TryLockExclusive(handle);
            if (lockErrno == 0)
            {
                var facts = StoreNative.Lstat(path);
                if (facts is not { Kind: FileKind.Regular })
                {
                    handle.Dispose();
                    throw facts is null
                        ? new DirectoryNotFoundException($"{path} was removed while waiting for its lock")
                        : new IOException($"{path} is not a regular file; zwarm only locks regular files in its store (remove it)");
                }
                return new FileLock(handle, readOnly);
            }
            handle.Dispose();
            if (lockErrno != StoreNative.EWOULDBLOCK)
            {
                throw new IOException($"cannot lock {path}: {StoreNative.Describe(lockErrno)}");
            }
            if (time.GetUtcNow() >= deadline)
            {
                throw new LockTimeoutException(path, timeout);
            }
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < LongestRetry ? delay * 2 : LongestRetry;
        }
    }

    /// <summary>Synchronous variant for short critical sections.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout) =>
        AcquireAsync(path, timeout, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }

    private static IOException OpenFailure(string path, int errno)
    {
        if (errno == StoreNative.ENOENT || errno == StoreNative.ENOTDIR)
        {
            return new DirectoryNotFoundException($"{Path.GetDirectoryName(path)} does not exist");
        }
        if (errno == StoreNative.ELOOP)
        {
            return new IOException($"{path} is a symbolic link; zwarm never follows links inside its store (remove it)");
        }
        return new IOException($"cannot open {path}: {StoreNative.Describe(errno)}");
    }

    // Where flock through libc is not available: FileShare.None (the BCL's own advisory lock).
    private static async Task<FileLock> AcquirePortableAsync(string path, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1), readOnly: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new LockTimeoutException(path, timeout);
                }
                await Task.Delay(LongestRetry, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
