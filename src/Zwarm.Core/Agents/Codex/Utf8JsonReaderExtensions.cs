// Tolerant value readers for Utf8JsonReader: a value of an unexpected kind is skipped and reported as absent instead
// of throwing, so an odd-but-valid line degrades to missing fields rather than a malformed line.
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
