// Where a running turn's auth failure shows: the agent's stderr (start-up errors such as a missing key variable;
// read from the start, bounded) and the END of its stream (a CLI that retries a 401 keeps appending retry lines).
// Both reads are bounded, so checking every running session on each `ls` stays cheap.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Sessions;

internal static class AuthFailureScan
{
    private const int StderrBytes = 16 * 1024;
    private const int StreamTailBytes = 16 * 1024;

    /// <summary>The agent's own line saying its credential failed, or null.</summary>
    public static string? Find(IAgentAdapter adapter, string stderrPath, string streamPath) =>
        Scan(adapter, stderrPath, fromEnd: false, StderrBytes) ?? Scan(adapter, streamPath, fromEnd: true, StreamTailBytes);

    private static string? Scan(IAgentAdapter adapter, string path, bool fromEnd, int maxBytes)
    {
        try
        {
            using var stream = StoreFiles.OpenRead(path, bufferSize: 1);
            var length = stream?.Length ?? 0;
            if (stream is null || length == 0)
            {
                return null;
            }
            var start = fromEnd ? Math.Max(0, length - maxBytes) : 0;
            stream.Seek(start, SeekOrigin.Begin);
            var buffer = new byte[Math.Min(maxBytes, length - start)];
            buffer = buffer[..stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
            var lines = System.Text.Encoding.UTF8.GetString(buffer).Split('\n');
            // A tail starts mid-line, and the last line may still be being written: both are skipped.
            var whole = lines.Skip(start > 0 ? 1 : 0).Take(lines.Length - (start > 0 ? 1 : 0) - 1);
            foreach (var line in whole)
            {
                if (line.Length > 0 && adapter.AuthFailure(line) is { } failure)
                {
                    return failure;
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
