// Follows a growing JSONL file (like `tail -f`): yields each complete line as soon as it is written, woken by
// inotify (FileSystemWatcher) rather than a slow poll, and stops once the writer is done and the file drained.
using System.Runtime.CompilerServices;

namespace Zwarm.Core.Events;

public static class FileFollower
{
    /// <summary>Safety net in case a file-system notification is missed (e.g. on a network file system).</summary>
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Yields the lines of <paramref name="path"/> from the start, then new lines as they are appended, until
    /// <paramref name="isFinished"/> returns true and everything written before that has been yielded.
    /// </summary>
    public static async IAsyncEnumerable<byte[]> FollowLinesAsync(string path, Func<bool> isFinished,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var signal = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(dir, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
        };
        FileSystemEventHandler wake = (_, _) =>
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        };
        watcher.Changed += wake;
        watcher.Created += wake;
        watcher.EnableRaisingEvents = true;

        FileStream? stream = null;
        JsonlLineReader? reader = null;
        try
        {
            while (true)
            {
                // Decide "finished" BEFORE draining, so lines written just before the end are never lost.
                var finished = isFinished();
                if (stream is null && Sessions.StoreFiles.OpenRead(path, bufferSize: 1) is { } opened)
                {
                    stream = opened;
                    reader = new JsonlLineReader(stream, finalPartialLineIsLine: false);
                }
                if (reader is not null)
                {
                    reader.ResetEndOfStream();
                    while (TryRead(reader, out var line))
                    {
                        yield return line;
                    }
                }
                if (finished)
                {
                    // A last line without its newline (the writer died mid-line) is still shown.
                    if (reader is not null && reader.TryTakePartialLine(out var partial))
                    {
                        yield return partial;
                    }
                    yield break;
                }
                if (!await WaitAsync(signal, cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }
            }
        }
        finally
        {
            reader?.Dispose();
            stream?.Dispose();
        }
    }

    private static async Task<bool> WaitAsync(SemaphoreSlim signal, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(FallbackPoll, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static bool TryRead(JsonlLineReader reader, out byte[] line)
    {
        if (reader.TryReadLine(out var span))
        {
            line = span.ToArray();
            return true;
        }
        line = [];
        return false;
    }
}
