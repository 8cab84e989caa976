// events.jsonl: appended one line per event as the run goes (flushed to the OS at once, to disk at each step's
// checkpoint), read back tolerantly: a torn last line after a crash or a line of a kind we do not know is skipped
// or kept as raw data, never fatal.
using System.Text;
using System.Text.Json;
using Zwarm.Core.Events;

using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Instances;

public sealed class EventLog : IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _lock = new();

    internal EventLog(string path)
    {
        Path = path;
        _stream = new FileStream(path, PrivateStore.NewFile(FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
    }

    public string Path { get; }

    public void Append(InstanceEvent e)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(e, InstanceJsonContext.Lines.InstanceEvent);
        lock (_lock)
        {
            _stream.Write(bytes);
            _stream.WriteByte((byte)'\n');
            _stream.Flush(flushToDisk: false);
        }
    }

    /// <summary>Makes everything appended so far durable (called at each step's checkpoint).</summary>
    public void Sync()
    {
        lock (_lock)
        {
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Reads every well-formed line of <paramref name="path"/> (a missing file reads as empty).</summary>
    public static IEnumerable<EventLine> Read(string path)
    {
        using var stream = StoreFiles.OpenRead(path);
        if (stream is null)
        {
            yield break;
        }
        using var reader = new JsonlLineReader(stream);
        while (reader.TryReadLine(out var line))
        {
            if (Parse(line) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    private static EventLine? Parse(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(line));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            DateTimeOffset? ts = root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var parsed)
                ? parsed
                : null;
            var step = root.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : 0;
            return new EventLine(ts, step, kind.GetString()!, root.Clone());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
