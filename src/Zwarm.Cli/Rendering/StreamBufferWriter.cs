// An IBufferWriter that passes bytes on to a stream 64 KB at a time. Utf8JsonWriter over a Stream would either hold
// the whole document (until Flush) or, flushed after every value as JsonSerializer does, make a write(2) per value;
// over this buffer writer it does neither.
using System.Buffers;

namespace Zwarm.Cli.Rendering;

internal sealed class StreamBufferWriter(Stream stream, int capacity = 64 * 1024) : IBufferWriter<byte>
{
    // Not zeroed: only what has been written is ever passed on.
    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(capacity);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Writes out what is buffered and flushes the stream.</summary>
    public void Flush()
    {
        Drain();
        stream.Flush();
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        Drain();
        if (_buffer.Length < needed)
        {
            _buffer = GC.AllocateUninitializedArray<byte>(needed);
        }
    }

    private void Drain()
    {
        if (_written > 0)
        {
            stream.Write(_buffer, 0, _written);
            _written = 0;
        }
    }
}
