// Reads newline-delimited records from a stream with one pooled, bounded buffer, so a 100 MB turn file is read
// in constant memory. Lines longer than the limit are skipped (and counted) instead of growing the buffer forever.
using System.Buffers;

namespace Zwarm.Core.Events;

public sealed class JsonlLineReader : IDisposable
{
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;
    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly bool _finalPartialLineIsLine;
    private byte[] _buffer;
    private int _start;   // first unconsumed byte
    private int _end;     // end of valid data
    private bool _eof;
    private bool _skipping; // inside an oversized line, discarding until the next newline

    /// <param name="stream">The stream to read; not disposed by this reader.</param>
    /// <param name="maxLineBytes">Longest line kept; longer ones are skipped and counted in <see cref="OversizedLines"/>.</param>
    /// <param name="finalPartialLineIsLine">
    /// True for a finished file (a last line without '\n' is still a line); false when following a growing file,
    /// where an unterminated last line is held back until its newline arrives.
    /// </param>
    public JsonlLineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes, bool finalPartialLineIsLine = true)
    {
        _stream = stream;
        _maxLineBytes = Math.Max(1024, maxLineBytes);
        _finalPartialLineIsLine = finalPartialLineIsLine;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, _maxLineBytes + 1));
    }

    /// <summary>Lines skipped because they were longer than the limit.</summary>
    public int OversizedLines { get; private set; }

    /// <summary>Bytes of the stream consumed as complete lines (the offset to resume following from).</summary>
    public long ConsumedBytes { get; private set; }

    /// <summary>
    /// Returns the next complete line (without '\n' or a trailing '\r'). Blank lines are returned too; callers
    /// skip them. The span is valid until the next call.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var nl = pending.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start += nl + 1;
                ConsumedBytes += nl + 1;
                if (_skipping)
                {
                    _skipping = false;
                    continue;
                }
                if (nl > _maxLineBytes)
                {
                    // The pool may hand out a buffer larger than asked: the limit is on the line, not the buffer.
                    OversizedLines++;
                    continue;
                }
                line = TrimCr(pending[..nl]);
                return true;
            }

            if (_eof)
            {
                if (pending.Length > 0 && _finalPartialLineIsLine)
                {
                    _start = _end;
                    ConsumedBytes += pending.Length;
                    if (_skipping || pending.Length > _maxLineBytes)
                    {
                        OversizedLines += _skipping ? 0 : 1;
                        _skipping = false;
                        line = default;
                        return false;
                    }
                    line = TrimCr(pending);
                    return true;
                }
                line = default;
                return false;
            }

            if (!Fill())
            {
                _eof = true;
            }
        }
    }

    /// <summary>
    /// Returns (and consumes) an unterminated last line held back by a following reader, once the writer is done.
    /// </summary>
    public bool TryTakePartialLine(out byte[] line)
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        if (pending.IsEmpty || _skipping)
        {
            line = [];
            return false;
        }
        line = TrimCr(pending).ToArray();
        ConsumedBytes += pending.Length;
        _start = _end;
        return true;
    }

    /// <summary>After end of stream, lets a following reader try again once the file has grown.</summary>
    public void ResetEndOfStream() => _eof = false;

    private bool Fill()
    {
        // Compact: move the unconsumed tail to the front.
        if (_start > 0)
        {
            var count = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, count);
            _start = 0;
            _end = count;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length > _maxLineBytes)
            {
                // The current line is over the limit: drop what we have and skip to its end.
                if (!_skipping)
                {
                    OversizedLines++;
                    _skipping = true;
                }
                ConsumedBytes += _end;
                _end = 0;
            }
            else
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineBytes + 1));
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            return false;
        }
        _end += read;
        return true;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
