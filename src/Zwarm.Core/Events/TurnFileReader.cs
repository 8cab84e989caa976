// Streams a finished (or growing) turn file through an adapter's parser, yielding normalized events in constant memory.
// A big file whose parser can split its work (ISplitLineParser) is decoded on every core (ParallelTurnReader),
// with the same events as the line-by-line read.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Events;

internal static class TurnFileReader
{
    /// <summary>
    /// Yields every event of the turn file at <paramref name="path"/>. Malformed and oversized lines are skipped and
    /// counted in <paramref name="stats"/>. A missing file yields nothing.
    /// </summary>
    public static IEnumerable<AgentEvent> ReadEvents(string path, IAgentStreamParser parser, ParseStats? stats = null)
    {
        // Only a regular file: a FIFO or a link to /dev/zero planted in the store would block or never end.
        if (Sessions.StoreFiles.OpenRead(path, bufferSize: 1) is not { } stream)
        {
            yield break;
        }

        using (stream)
        {
            var events = parser is ISplitLineParser split && Environment.ProcessorCount > 1
                && stream.CanSeek && stream.Length >= ParallelTurnReader.MinParallelBytes
                ? ParallelTurnReader.ReadEvents(stream, split, stats)
                : ReadSequentially(stream, parser, stats);
            foreach (var e in events)
            {
                yield return e;
            }
        }
    }

    /// <summary>The line-by-line read, on this thread.</summary>
    internal static IEnumerable<AgentEvent> ReadSequentially(Stream stream, IAgentStreamParser parser, ParseStats? stats)
    {
        using var reader = new JsonlLineReader(stream);
        var batch = new List<AgentEvent>(16);
        while (Next(reader, parser, batch, stats))
        {
            foreach (var e in batch)
            {
                yield return e;
            }
            batch.Clear();
        }
        if (stats is not null)
        {
            stats.OversizedLines += reader.OversizedLines;
            stats.MalformedLines += parser.MalformedLines;
        }
    }

    // Spans cannot live across a yield, so one line is parsed in this non-iterator helper.
    private static bool Next(JsonlLineReader reader, IAgentStreamParser parser, List<AgentEvent> batch, ParseStats? stats)
    {
        while (reader.TryReadLine(out var line))
        {
            if (stats is not null)
            {
                stats.Lines++;
                stats.Bytes = reader.ConsumedBytes;
            }
            if (line.Trim((byte)' ').IsEmpty)
            {
                continue;
            }
            parser.ParseLine(line, batch);
            if (batch.Count > 0)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>Counters filled while reading a turn file.</summary>
public sealed class ParseStats
{
    public long Lines { get; set; }
    public long Bytes { get; set; }
    public int MalformedLines { get; set; }
    public int OversizedLines { get; set; }
}
