// A run of whole lines of a turn file in one pooled buffer, with where each line is, so that its lines can be
// decoded on another core while the reader moves on. Decoded[i] is filled by the decoding thread.
using System.Buffers;

namespace Zwarm.Core.Events;

internal sealed class LineChunk(byte[] buffer)
{
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private long[] _ends = new long[256];
    private int _claimed;

    public byte[] Buffer { get; private set; } = buffer;

    public int Count { get; private set; }

    /// <summary>Per line: what the parser's Decode made of it (null for blank lines, which are not decoded).</summary>
    public object?[] Decoded { get; private set; } = [];

    public ReadOnlyMemory<byte> Line(int i) => Buffer.AsMemory(_starts[i], _lengths[i]);

    /// <summary>Bytes of the file consumed once line <paramref name="i"/> has been read (for ParseStats).</summary>
    public long End(int i) => _ends[i];

    public void Add(int start, int length, long end)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }
        _starts[Count] = start;
        _lengths[Count] = length;
        _ends[Count] = end;
        Count++;
    }

    /// <summary>True for the one thread that gets to decode this chunk (a helper, or the reader itself).</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>Set (under the pipeline's lock) once <see cref="Decoded"/> is filled, or decoding failed.</summary>
    public bool Done { get; set; }

    /// <summary>What a helper thread's decoding threw, rethrown on the reading thread.</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim((byte)' ').IsEmpty;

    /// <summary>Runs the parser's stateless half over every non-blank line.</summary>
    public void Decode(Agents.ISplitLineParser parser)
    {
        var decoded = new object?[Count];
        for (var i = 0; i < Count; i++)
        {
            var line = Line(i);
            if (!IsBlank(line.Span))
            {
                decoded[i] = parser.Decode(line);
            }
        }
        Decoded = decoded;
    }

    /// <summary>Gives the buffer back to the pool, and whatever decoded values hold pooled memory.</summary>
    public void Release()
    {
        foreach (var value in Decoded)
        {
            (value as IDisposable)?.Dispose();
        }
        Decoded = [];
        var buffer = Buffer;
        Buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
