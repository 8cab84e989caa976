// The index file itself: one compact JSON object per line, {"v","id","stamp","size","summary"}; a line of another
// format version (an older zwarm's, whose summaries lack newer fields) is dropped like a damaged one. It is read whole into
// one buffer and each summary is kept there as JSON (validated, but only its id, status and created_at decoded);
// a line that does not parse is dropped, and its session re-read from meta.json.
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionIndex
{
    private Dictionary<string, SessionIndexEntry> LoadIndex()
    {
        var result = new Dictionary<string, SessionIndexEntry>(StringComparer.Ordinal);
        ReadOnlyMemory<byte> memory;
        try
        {
            // Only a regular file (a FIFO in its place would block the listing); a missing one is a new store.
            if (StoreFiles.ReadRegular(IndexPath) is not { } bytes)
            {
                return result;
            }
            memory = bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result;
        }
        while (memory.Length > 0)
        {
            var nl = memory.Span.IndexOf((byte)'\n');
            var line = nl < 0 ? memory : memory[..nl];
            memory = nl < 0 ? default : memory[(nl + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }
            try
            {
                var (id, entry) = ParseEntry(line);
                result[id] = entry;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // a damaged cache line: that session is simply re-read from its meta.json
            }
        }
        return result;
    }

    private static (string Id, SessionIndexEntry Entry) ParseEntry(ReadOnlyMemory<byte> line)
    {
        var reader = new Utf8JsonReader(line.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an index line must be an object");
        }
        string? id = null;
        long stamp = 0, size = 0, version = 0;
        ListedSummary? listed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("v"u8)) version = reader.GetInt64();
            else if (name.SequenceEqual("id"u8)) id = reader.GetString();
            else if (name.SequenceEqual("stamp"u8)) stamp = reader.GetInt64();
            else if (name.SequenceEqual("size"u8)) size = reader.GetInt64();
            else if (name.SequenceEqual("summary"u8)) listed = ReadListed(ref reader, line, id);
            else reader.Skip();
        }
        if (version != FormatVersion)
        {
            throw new JsonException("an index line of another format version");
        }
        if (reader.TokenType != JsonTokenType.EndObject || id is null || listed is null || listed.Id != id)
        {
            throw new JsonException("an index line needs an id and that session's summary");
        }
        return (id, new SessionIndexEntry(stamp, size, listed));
    }

    // Walks the summary object (validating it: every known value of the kind the decoder expects) and keeps it as a
    // slice of the line; decodes only what listing needs before anyone asks for the summary: status and created_at
    // (its id must be the line's, written first).
    private static ListedSummary ReadListed(ref Utf8JsonReader reader, ReadOnlyMemory<byte> line, string? lineId)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a summary must be an object");
        }
        var start = (int)reader.TokenStartIndex;
        string? id = null, createdAt = null;
        SessionStatus? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8)) id = lineId is not null && reader.ValueTextEquals(lineId) ? lineId : reader.GetString();
            else if (name.SequenceEqual("status"u8)) status = SessionSummaryJson.ReadStatus(ref reader);
            else if (name.SequenceEqual("created_at"u8)) createdAt = reader.GetString();
            else if (!SessionSummaryJson.Fits(name, ref reader)) throw new JsonException("a summary value has the wrong kind");
        }
        var end = (int)reader.BytesConsumed;
        if (id is null || status is null)
        {
            throw new JsonException("a summary needs an id and a status");
        }
        return new ListedSummary(id, status.Value, createdAt ?? "", line[start..end]);
    }

    private void Save(List<SessionIndexEntry> entries)
    {
        try
        {
            using var buffer = new MemoryStream(entries.Count * 640);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("v"u8, FormatVersion);
                    writer.WriteString("id"u8, entry.Listed.Id);
                    writer.WriteNumber("stamp"u8, entry.Stamp);
                    writer.WriteNumber("size"u8, entry.Size);
                    writer.WritePropertyName("summary"u8);
                    if (entry.Listed.Json.IsEmpty)
                    {
                        SessionSummaryJson.Write(writer, entry.Listed.Summary);
                    }
                    else
                    {
                        writer.WriteRawValue(entry.Listed.Json.Span, skipInputValidation: true);
                    }
                    writer.WriteEndObject();
                    writer.Flush();
                    buffer.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }
            AtomicFile.WriteAllBytes(IndexPath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), durable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the index is only a cache
        }
    }
}
