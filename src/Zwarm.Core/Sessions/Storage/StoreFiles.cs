// Reading a file of the store (meta.json's neighbours: turn files, stderr, exit records, an instance's state.json,
// messages.json, events.jsonl) as the untrusted input it is: only a regular file is opened — never a FIFO (whose
// open blocks until a writer comes), a device such as /dev/zero (which never ends) or a link planted in its place —
// so a crafted file cannot hang or exhaust the process, and small files only up to a size limit.
namespace Zwarm.Core.Sessions;

public static class StoreFiles
{
    /// <summary>Larger than any file zwarm writes in its store by orders of magnitude.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Opens the regular file at <paramref name="path"/> for reading (shared with writers and deleters; a final link is
    /// never followed); null when it (or its folder) does not exist.
    /// </summary>
    /// <exception cref="IOException">It is not a regular file, or cannot be opened (the message says which).</exception>
    public static FileStream? OpenRead(string path, int bufferSize = 4096)
    {
        var facts = StoreNative.Lstat(path);
        if (facts is null)
        {
            return File.Exists(path) || Directory.Exists(path) ? throw new IOException($"{Path.GetFileName(path)} cannot be examined") : null;
        }
        if (facts.Value.Kind != FileKind.Regular)
        {
            throw new IOException($"{Path.GetFileName(path)} is not a regular file ({facts.Value.Kind.ToString().ToLowerInvariant()}); zwarm does not open it");
        }
        if (!StoreNative.IsSupported)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize);
        }
        // O_NOFOLLOW and O_NONBLOCK: swapped for a link or a FIFO after the check, it still neither follows nor blocks.
        var handle = StoreNative.OpenNoFollow(path, write: false, create: false, out var errno);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return errno is StoreNative.ENOENT or StoreNative.ENOTDIR ? null
                : throw new IOException($"{Path.GetFileName(path)}: {StoreNative.Describe(errno)}");
        }
        return new FileStream(handle, FileAccess.Read, bufferSize);
    }

    /// <summary>The bytes of the regular file at <paramref name="path"/>; null when it does not exist.</summary>
    /// <exception cref="IOException">It is not a regular file, is too large, or cannot be read (the message says which).</exception>
    public static byte[]? ReadRegular(string path) => ReadRegular(path, MaxBytes);

    /// <summary>At most the first <paramref name="maxBytes"/> bytes of the regular file at <paramref name="path"/>; null when missing.</summary>
    /// <exception cref="IOException">It is not a regular file, is larger than <paramref name="maxBytes"/> when that is
    /// <see cref="MaxBytes"/>, or cannot be read.</exception>
    public static byte[]? ReadRegular(string path, long maxBytes)
    {
        using var stream = OpenRead(path, bufferSize: 1);
        if (stream is null)
        {
            return null;
        }
        var length = stream.Length;
        if (length > MaxBytes && maxBytes == MaxBytes)
        {
            throw new IOException($"{Path.GetFileName(path)} is {length / (1024 * 1024)} MiB, more than zwarm ever writes");
        }
        var buffer = new byte[Math.Min(length, maxBytes)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
