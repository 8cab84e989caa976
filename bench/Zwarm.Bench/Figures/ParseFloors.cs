// What no reader of a turn file can beat on this machine, measured in the same run as the figures it bounds: the
// file read from the page cache into one buffer, and a bare JSON tokenisation of every line (Utf8JsonReader over
// every token, no string decoded, nothing built) on every core, chunked at line boundaries as zwarm reads.
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Core.Events;

namespace Zwarm.Bench.Figures;

internal static class ParseFloors
{
    /// <summary>Reads the whole file through a 1 MB buffer; wall milliseconds.</summary>
    public static double ReadMs(string path)
    {
        var clock = Stopwatch.StartNew();
        using var file = File.OpenHandle(path);
        var buffer = new byte[1024 * 1024];
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
        {
            offset += read;
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Tokenises every line on the thread pool, a chunk per task; wall milliseconds and the tokens seen.</summary>
    public static (double Ms, long Tokens) TokenizeMs(string path)
    {
        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        using var chunker = new LineChunker(stream, ParallelTurnReader.DefaultChunkBytes);
        var work = new Queue<(LineChunk Chunk, Task<long> Tokens)>();
        long tokens = 0;
        while (true)
        {
            while (work.Count < Environment.ProcessorCount * 2 && chunker.Next() is { } chunk)
            {
                work.Enqueue((chunk, Task.Run(() => Tokenize(chunk))));
            }
            if (work.Count == 0)
            {
                break;
            }
            var (done, count) = work.Dequeue();
            tokens += count.GetAwaiter().GetResult();
            done.Release();
        }
        return (clock.Elapsed.TotalMilliseconds, tokens);
    }

    private static long Tokenize(LineChunk chunk)
    {
        long tokens = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            var reader = new Utf8JsonReader(chunk.Line(i).Span, new JsonReaderOptions { MaxDepth = 256 });
            try
            {
                while (reader.Read())
                {
                    tokens++;
                }
            }
            catch (JsonException)
            {
                // Not JSON: zwarm skips it too.
            }
        }
        return tokens;
    }
}
