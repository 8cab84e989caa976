// Reads a big turn file on every core and still yields exactly the events of a line-by-line read: the file is cut
// into chunks at line boundaries (LineChunker), each chunk's lines are decoded by the parser's stateless half on a
// helper thread per extra core, or on this thread when no helper has started the chunk (DecodeHelpers), and this
// thread applies the decoded lines in file order (the stateful half: ISplitLineParser). Memory stays flat: at most
// one chunk per core (and one more) is in flight, however big the file.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Events;

internal static class ParallelTurnReader
{
    /// <summary>Size of a chunk: small enough that a few in flight cost little memory, big enough to amortize handing it over.</summary>
    public const int DefaultChunkBytes = 256 * 1024;

    /// <summary>Below this size a file is read on one thread: starting a helper would cost more than it saves.</summary>
    public const long MinParallelBytes = 2 * 1024 * 1024;

    public static IEnumerable<AgentEvent> ReadEvents(Stream stream, ISplitLineParser parser, ParseStats? stats,
        int chunkBytes = DefaultChunkBytes, int maxLineBytes = JsonlLineReader.DefaultMaxLineBytes)
    {
        var window = new Queue<LineChunk>();
        var ahead = Environment.ProcessorCount + 1;
        using var chunker = new LineChunker(stream, chunkBytes, maxLineBytes);
        var batch = new List<AgentEvent>(64);
        var more = true;
        var helpers = new DecodeHelpers(parser, Math.Max(1, Environment.ProcessorCount - 1));
        try
        {
            while (true)
            {
                while (more && window.Count < ahead)
                {
                    if (chunker.Next() is { } next)
                    {
                        window.Enqueue(next);
                        helpers.Add(next);
                    }
                    else
                    {
                        more = false;
                    }
                }
                if (!window.TryPeek(out var chunk))
                {
                    break;
                }
                helpers.Await(chunk);
                for (var i = 0; i < chunk.Count; i++)
                {
                    Apply(chunk, i, parser, stats, batch);
                    foreach (var e in batch)
                    {
                        yield return e;
                    }
                    batch.Clear();
                }
                window.Dequeue().Release();
            }
        }
        finally
        {
            // Stopped early or failed: the helpers stop first (Dispose waits for them), then the buffers go back.
            helpers.Dispose();
            while (window.TryDequeue(out var chunk))
            {
                chunk.Release();
            }
        }
        if (stats is not null)
        {
            stats.OversizedLines += chunker.OversizedLines;
            stats.MalformedLines += parser.MalformedLines;
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
