// Crash-safe file replacement: write a temp file beside the target (created exclusively, so a link planted at its
// name is never followed; mode 0600 whatever the umask), flush it to disk, then rename over the target (which
// replaces a link rather than writing through it). Readers see either the old or the new content, never a torn write.
namespace Zwarm.Core.Sessions;

public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, bool durable = true)
    {
        var dir = Path.GetDirectoryName(path) ?? ".";
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, PrivateStore.NewFile(FileMode.CreateNew, FileAccess.Write)))
            {
                stream.Write(content);
                if (durable)
                {
                    stream.Flush(flushToDisk: true);
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: a stray temp file is harmless and ignored by readers
        }
    }
}
