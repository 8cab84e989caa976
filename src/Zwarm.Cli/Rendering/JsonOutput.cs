using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Rendering;

internal static class JsonOutput
{
    /// <summary>Writes <paramref name="value"/> as indented JSON on stdout.</summary>
    public static void Write<T>(Terminal terminal, T value, JsonTypeInfo<T> typeInfo)
    {
        terminal.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        terminal.Out.Flush();
    }

    /// <summary>
    /// Streams indented JSON straight to stdout, 64 KB at a time (nothing big is held in memory), followed by a
    /// newline. Without a byte stream under stdout (tests), the JSON is collected and written as text.
    /// </summary>
    public static void Stream(Terminal terminal, Action<Utf8JsonWriter> write)
    {
        // CliJsonContext.Output's encoder, named directly: touching the context would build all its options.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        terminal.Out.Flush();
        using var memory = terminal.OutStream is null ? new MemoryStream() : null;
        var output = new StreamBufferWriter(terminal.OutStream ?? memory!);
        using (var writer = new Utf8JsonWriter(output, options))
        {
            write(writer);
        }
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
        output.Flush();
        if (memory is not null)
        {
            terminal.Out.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
            terminal.Out.Flush();
        }
    }
}
