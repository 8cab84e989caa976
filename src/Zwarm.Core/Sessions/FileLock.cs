// A cross-process exclusive lock on a file (flock under the hood on Unix: .NET maps FileShare.None to it).
// Guards read-modify-write of meta.json so two zwarm processes acting on one session never lose an update.
namespace Zwarm.Core.Sessions;

public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(5);
    private FileStream? _stream;

    private FileLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Blocks (up to <paramref name="timeout"/>) until the lock on <paramref name="path"/> is ours.</summary>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    FileOptions.None);
                return new FileLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Synchronous variant for short critical sections.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout) =>
        AcquireAsync(path, timeout, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
