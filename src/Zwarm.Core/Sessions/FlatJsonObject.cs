// Writes a compact, flat JSON object (scalar members only, no insignificant whitespace: what Utf8JsonWriter writes
// without indentation) as the next element of the array another writer is in, re-indented to that writer's settings
// and depth: byte for byte what the writer would have produced had it written the members itself. (WriteRawValue
// puts only the comma before a raw value; the newline and indentation are part of what is passed to it.) The input must already be known
// to be valid JSON (the index is validated as it is read); anything not flat and compact is refused, not guessed.
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Zwarm.Core.Sessions;

internal static class FlatJsonObject
{
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",}"u8);

    /// <summary>
    /// Writes <paramref name="compact"/> as the next array element; false (and nothing written) when it is not a flat
    /// compact object.
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter writer, ReadOnlySpan<byte> compact)
    {
        var options = writer.Options;
        if (!options.Indented)
        {
            writer.WriteRawValue(compact, skipInputValidation: true);
            return true;
        }
        var depth = writer.CurrentDepth;
        Span<byte> newLine = stackalloc byte[4];
        newLine = newLine[..Encoding.ASCII.GetBytes(options.NewLine, newLine)];
        var indent = (byte)options.IndentCharacter;
        var memberIndent = (depth + 1) * options.IndentSize;

        // Each member gains at most a newline, its indentation and a space after the colon; so do the two braces.
        var members = compact.Count((byte)':');
        var rented = ArrayPool<byte>.Shared.Rent(compact.Length + (members + 2) * (newLine.Length + memberIndent + 1));
        try
        {
            if (!TryReindent(compact, rented, newLine, indent, memberIndent, depth * options.IndentSize, out var length))
            {
                return false;
            }
            writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryReindent(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> newLine, byte indent,
        int memberIndent, int elementIndent, out int length)
    {
        length = 0;
        if (input.Length < 2 || input[0] != (byte)'{' || input[^1] != (byte)'}')
        {
            return false;
        }
        // The element's own line: newline and indentation, then the brace.
        var o = 0;
        newLine.CopyTo(output);
        o += newLine.Length;
        output.Slice(o, elementIndent).Fill(indent);
        o += elementIndent;
        output[o++] = (byte)'{';
        if (input.Length == 2)
        {
            output[o++] = (byte)'}';
            length = o;
            return true;
        }
        var at = 1;
        while (true)
        {
            newLine.CopyTo(output[o..]);
            o += newLine.Length;
            output.Slice(o, memberIndent).Fill(indent);
            o += memberIndent;

            // "name": value
            if (!CopyString(input, ref at, output, ref o) || at >= input.Length || input[at] != (byte)':')
            {
                return false;
            }
            at++;
            output[o++] = (byte)':';
            output[o++] = (byte)' ';
            if (at >= input.Length)
            {
                return false;
            }
            if (input[at] == (byte)'"')
            {
                if (!CopyString(input, ref at, output, ref o))
                {
                    return false;
                }
            }
            else
            {
                var end = input[at..].IndexOfAny(ScalarEnd);
                if (end <= 0 || input.Slice(at, end).ContainsAny("{}[]\" "u8))
                {
                    return false;
                }
                input.Slice(at, end).CopyTo(output[o..]);
                o += end;
                at += end;
            }

            if (at >= input.Length)
            {
                return false;
            }
            if (input[at] == (byte)',')
            {
                output[o++] = (byte)',';
                at++;
                continue;
            }
            // The closing brace, which must be the last byte.
            if (at != input.Length - 1)
            {
                return false;
            }
            newLine.CopyTo(output[o..]);
            o += newLine.Length;
            output.Slice(o, elementIndent).Fill(indent);
            o += elementIndent;
            output[o++] = (byte)'}';
            length = o;
            return true;
        }
    }

    /// <summary>Copies the string token starting at <paramref name="at"/> (escapes kept as they are).</summary>
    private static bool CopyString(ReadOnlySpan<byte> input, ref int at, Span<byte> output, ref int o)
    {
        if (at >= input.Length || input[at] != (byte)'"')
        {
            return false;
        }
        var i = at + 1;
        while (i < input.Length)
        {
            var next = input[i..].IndexOfAny(StringEnd);
            if (next < 0)
            {
                return false;
            }
            i += next;
            if (input[i] == (byte)'\\')
            {
                i += 2;
                continue;
            }
            i++;
            input[at..i].CopyTo(output[o..]);
            o += i - at;
            at = i;
            return true;
        }
        return false;
    }
}
