// Writes a TrajectoryStep for `traj --json`: the same bytes JsonSerializer writes with OutputJsonContext.Output (same
// properties in the same order, nulls included, same indentation and escaping), faster. The serializer walks
// per-property metadata for every step, and the writer's encoder escapes character by character from the first
// character that needs it - in agent text full of '\n' that is nearly every character (~13% of a 100 MB traj --json).
// Here text strings are escaped with a vectorized scan and copied in runs; the rare string this does not cover
// exactly (control characters other than \n \r \t, DEL, characters the encoder escapes, broken surrogates) goes
// through Utf8JsonWriter's own escaping, so the output stays identical. Changes and usage use the serializer.
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Zwarm.Core.Events;

namespace Zwarm.Core.Output;

public sealed class TrajectoryStepJsonWriter(Utf8JsonWriter writer)
{
    private static readonly JsonEncodedText TurnName = JsonEncodedText.Encode("turn");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText CommandName = JsonEncodedText.Encode("command");
    private static readonly JsonEncodedText OutputName = JsonEncodedText.Encode("output");
    private static readonly JsonEncodedText ExitCodeName = JsonEncodedText.Encode("exit_code");
    private static readonly JsonEncodedText ChangesName = JsonEncodedText.Encode("changes");
    private static readonly JsonEncodedText ToolName = JsonEncodedText.Encode("tool");
    private static readonly JsonEncodedText IsErrorName = JsonEncodedText.Encode("is_error");
    private static readonly JsonEncodedText UsageName = JsonEncodedText.Encode("usage");
    private static readonly JsonEncodedText TruncatedName = JsonEncodedText.Encode("truncated");

    // Printable ASCII the relaxed encoder copies as is: everything from ' ' to '~' but '"' and '\\'.
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private byte[] _scratch = new byte[4096];

    public void Write(TrajectoryStep step)
    {
        writer.WriteStartObject();
        writer.WriteNumber(TurnName, step.Turn);
        WriteString(KindName, step.Kind);
        WriteString(TextName, step.Text);
        WriteString(CommandName, step.Command);
        WriteString(OutputName, step.Output);
        if (step.ExitCode is { } exitCode) writer.WriteNumber(ExitCodeName, exitCode);
        else writer.WriteNull(ExitCodeName);
        writer.WritePropertyName(ChangesName);
        JsonSerializer.Serialize(writer, step.Changes, OutputJsonContext.Output.IReadOnlyListFileChange);
        WriteString(ToolName, step.Tool);
        if (step.IsError is { } isError) writer.WriteBoolean(IsErrorName, isError);
        else writer.WriteNull(IsErrorName);
        writer.WritePropertyName(UsageName);
        JsonSerializer.Serialize(writer, step.Usage, OutputJsonContext.Output.TokenUsage);
        writer.WriteBoolean(TruncatedName, step.Truncated);
        writer.WriteEndObject();
    }

    private void WriteString(JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }
        if (TryEscape(value, out var length))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(_scratch.AsSpan(0, length), skipInputValidation: true);
            return;
        }
        writer.WriteString(name, value);
    }

    // The quoted, escaped UTF-8 of value in _scratch[..length]; false when a character needs the encoder's judgement.
    private bool TryEscape(string value, out int length)
    {
        // Worst case: 3 bytes per character (non-ASCII) or 2 (\n), plus the quotes.
        var needed = 3 * value.Length + 2;
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, 2 * _scratch.Length)];
        }
        var output = _scratch.AsSpan();
        var o = 0;
        output[o++] = (byte)'"';
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var special = rest.IndexOfAnyExcept(PlainAscii);
            var plain = special < 0 ? rest : rest[..special];
            o += Encoding.ASCII.GetBytes(plain, output[o..]);
            if (special < 0)
            {
                break;
            }
            rest = rest[special..];
            var c = rest[0];
            if (c >= 0x80)
            {
                // A run of non-ASCII: copied as UTF-8 when it is well-formed and the encoder would not escape it.
                var run = rest.IndexOfAnyInRange('\0', '\x7f');
                var chars = run < 0 ? rest : rest[..run];
                if (Utf8.FromUtf16(chars, output[o..], out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done
                    || Encoder.FindFirstCharacterToEncodeUtf8(output.Slice(o, written)) >= 0)
                {
                    length = 0;
                    return false;
                }
                o += written;
                rest = rest[chars.Length..];
                continue;
            }
            var escaped = c switch { '\n' => 'n', '\r' => 'r', '\t' => 't', '"' => '"', '\\' => '\\', _ => '\0' };
            if (escaped == '\0')
            {
                length = 0;
                return false;
            }
            output[o++] = (byte)'\\';
            output[o++] = (byte)escaped;
            rest = rest[1..];
        }
        output[o++] = (byte)'"';
        length = o;
        return true;
    }
}
