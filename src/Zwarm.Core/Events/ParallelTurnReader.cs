// Reads a big turn file on every core and still yields exactly the events of a line-by-line read: the file is cut
// into chunks at line boundaries (LineChunker), each chunk's lines are decoded on the thread pool by the parser's
// stateless half, and this thread applies the decoded lines in file order (the stateful half: ISplitLineParser).
// Memory stays flat: at most a few chunks are in flight, however big the file.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Events;

internal static class ParallelTurnReader
{
    /// <summary>Size of a chunk: small enough that a few in flight cost little memory, big enough to amortize a task.</summary>
    public const int DefaultChunkBytes = 512 * 1024;

    /// <summary>Below this size a file is read on one thread: the tasks would cost more than they save.</summary>
    public const long MinParallelBytes = 2 * 1024 * 1024;

    public static IEnumerable<AgentEvent> ReadEvents(Stream stream, ISplitLineParser parser, ParseStats? stats,
        int chunkBytes = DefaultChunkBytes, int maxLineBytes = JsonlLineReader.DefaultMaxLineBytes)
    {
        var inFlight = new Queue<(LineChunk Chunk, Task Decoding)>();
        var ahead = Math.Max(2, Environment.ProcessorCount * 2);
        using var chunker = new LineChunker(stream, chunkBytes, maxLineBytes);
        var batch = new List<AgentEvent>(64);
        try
        {
            var more = true;
            while (true)
            {
                while (more && inFlight.Count < ahead)
                {
                    if (chunker.Next() is { } next)
                    {
                        inFlight.Enqueue((next, Task.Run(() => next.Decode(parser))));
                    }
                    else
                    {
                        more = false;
                    }
                }
                if (inFlight.Count == 0)
                {
                    break;
                }
                var (chunk, decoding) = inFlight.Peek();
                decoding.GetAwaiter().GetResult();
                for (var i = 0; i < chunk.Count; i++)
                {
                    Apply(chunk, i, parser, stats, batch);
                    foreach (var e in batch)
                    {
                        yield return e;
                    }
                    batch.Clear();
                }
                inFlight.Dequeue();
                chunk.Release();
            }
            if (stats is not null)
            {
                stats.OversizedLines += chunker.OversizedLines;
                stats.MalformedLines += parser.MalformedLines;
            }
        }
        finally
        {
            // Stopped early or failed: let the decoders finish before their buffers go back to the pool.
            foreach (var (chunk, decoding) in inFlight)
            {
                try
                {
                    decoding.Wait();
                }
                catch (AggregateException)
                {
                    // Already reported, or not wanted any more.
                }
                chunk.Release();
            }
        }
    }

    // Spans cannot live across a yield, so one line is applied in this non-iterator helper.
    private static void Apply(LineChunk chunk, int i, ISplitLineParser parser, ParseStats? stats, List<AgentEvent> batch)
    {
        if (stats is not null)
        {
            stats.Lines++;
            stats.Bytes = chunk.End(i);
        }
        var line = chunk.Line(i).Span;
        if (LineChunk.IsBlank(line))
        {
            return;
        }
        var decoded = chunk.Decoded[i];
        chunk.Decoded[i] = null;
        parser.Apply(decoded, line, batch);
    }
}
