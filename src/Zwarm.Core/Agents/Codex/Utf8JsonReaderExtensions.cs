// Tolerant value readers for Utf8JsonReader: a value of an unexpected kind is skipped and reported as absent instead
// of throwing, so an odd-but-valid line degrades to missing fields rather than a malformed line.
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Zwarm.Core.Agents.Codex;

internal static class Utf8JsonReaderExtensions
{
    /// <summary>With the reader on a value: its string, or null (skipping the value) when it is not a string.</summary>
    public static string? ReadStringOrNull(this ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    /// <summary>
    /// <see cref="ReadStringOrNull(ref Utf8JsonReader)"/> keeping at most <paramref name="limit"/> characters: exactly
    /// the full string's first characters, without decoding (and allocating) the rest of a long value.
    /// </summary>
    public static string? ReadStringOrNull(this ref Utf8JsonReader reader, int? limit)
    {
        if (limit is not { } max || reader.TokenType != JsonTokenType.String)
        {
            return reader.ReadStringOrNull();
        }
        var rawLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength <= max)
        {
            // Every character takes at least one byte (escaped or not): it fits whole.
            return reader.GetString();
        }
        if (max == 0)
        {
            return "";
        }
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return DecodePrefix(reader.ValueSpan, max);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(rawLength);
        try
        {
            var length = reader.CopyString(buffer);
            return DecodePrefix(buffer.AsSpan(0, length), max);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The first maxChars UTF-16 characters of valid UTF-8. A character takes at most three bytes (a surrogate pair,
    // two characters, takes four), so 3 * maxChars bytes, backed off to a sequence boundary, always suffice.
    private static string DecodePrefix(ReadOnlySpan<byte> utf8, int maxChars)
    {
        var take = Math.Min(utf8.Length, 3 * maxChars + 4);
        while (take < utf8.Length && take > 0 && (utf8[take] & 0xC0) == 0x80)
        {
            take--;
        }
        var chars = ArrayPool<char>.Shared.Rent(take);
        try
        {
            var count = Encoding.UTF8.GetChars(utf8[..take], chars);
            return new string(chars, 0, Math.Min(count, maxChars));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>With the reader on a value: the integer, or null (skipping the value) for anything else.</summary>
    public static long? ReadInt64OrNull(this ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }
        reader.Skip();
        return null;
    }

    /// <summary>
    /// With the reader on a value inside <paramref name="json"/> (the span the reader was created over): a string's
    /// own text, or the raw JSON text of any other value.
    /// </summary>
    public static string ReadAsText(this ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() ?? "";
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return Encoding.UTF8.GetString(json[start..end]);
    }
}
