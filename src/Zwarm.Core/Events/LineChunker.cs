// Cuts a stream into LineChunks at line boundaries (a line never straddles two chunks), with the line rules of
// JsonlLineReader on a finished file: '\n' ends a line, a trailing '\r' is dropped, a last line without '\n' is still
// a line, and a line longer than the limit is skipped and counted, so the lines are exactly those a JsonlLineReader
// returns. The bytes after a chunk's last newline are carried into the next chunk.
using System.Buffers;

namespace Zwarm.Core.Events;

internal sealed class LineChunker(Stream stream, int chunkBytes, int maxLineBytes = JsonlLineReader.DefaultMaxLineBytes)
    : IDisposable
{
    private readonly int _max = Math.Max(1024, maxLineBytes);
    private readonly int _chunkBytes = Math.Max(16, chunkBytes);
    private byte[] _buffer = [];
    private int _length;     // valid bytes at the start of _buffer, none of them consumed yet
    private long _consumed;  // bytes of the stream before _buffer[0]
    private bool _eof;
    private bool _skipping;  // inside an oversized line, discarding up to its newline

    /// <summary>Lines skipped because they were longer than the limit.</summary>
    public int OversizedLines { get; private set; }

    /// <summary>The next chunk of at least one line, or null at the end of the stream.</summary>
    public LineChunk? Next()
    {
        while (true)
        {
            if (_buffer.Length == 0)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(_chunkBytes);
            }
            Fill();
            var data = _buffer.AsSpan(0, _length);
            if (_skipping)
            {
                var nl = data.IndexOf((byte)'\n');
                Consume(nl < 0 ? _length : nl + 1);
                _skipping = nl < 0 && !_eof;
                if (_length == 0 && _eof)
                {
                    return null;
                }
                continue;
            }
            if (_length == 0 && _eof)
            {
                return null;
            }

            var last = data.LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                return TakeChunk(last + 1);
            }
            if (_eof)
            {
                // The last line, without '\n'.
                return TakeChunk(_length);
            }
            if (_buffer.Length > _max)
            {
                // No newline in more than the limit: an oversized line, dropped up to its end.
                OversizedLines++;
                _skipping = true;
                Consume(_length);
                continue;
            }
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _max + 1));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private void Fill()
    {
        while (_length < _buffer.Length && !_eof)
        {
            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read <= 0)
            {
                _eof = true;
            }
            _length += Math.Max(0, read);
        }
    }

    // Drops the first count bytes of the buffer.
    private void Consume(int count)
    {
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
        _consumed += count;
    }

    // Hands the first `size` bytes (whole lines) over as a chunk; the rest moves to a fresh buffer.
    private LineChunk TakeChunk(int size)
    {
        var chunk = new LineChunk(_buffer);
        var data = _buffer.AsSpan(0, size);
        var start = 0;
        while (start < size)
        {
            var nl = data[start..].IndexOf((byte)'\n');
            var end = nl < 0 ? size : start + nl;   // nl < 0 only for the last line of the file
            var next = nl < 0 ? size : end + 1;
            var length = end - start;
            if (length > _max)
            {
                OversizedLines++;
            }
            else
            {
                if (length > 0 && data[end - 1] == (byte)'\r')
                {
                    length--;
                }
                chunk.Add(start, length, _consumed + next);
            }
            start = next;
        }

        var rest = _length - size;
        var fresh = ArrayPool<byte>.Shared.Rent(Math.Max(_chunkBytes, rest * 2));
        _buffer.AsSpan(size, rest).CopyTo(fresh);
        _buffer = fresh;
        _length = rest;
        _consumed += size;
        return chunk;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
