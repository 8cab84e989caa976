using System.Buffers;
using System.Text;
using System.Text.Json;
using Zwarm.Core.Output;
using Zwarm.Core.Events;

namespace Zwarm.Cli.Tests.Rendering;

// The hand-written step writer must produce exactly the serializer's bytes, whatever the text holds.
public sealed class TrajectoryStepJsonWriterTests
{
    public static TheoryData<string?> Texts => new()
    {
        null,
        "",
        "plain ascii",
        "line one\nline two\r\n\ttabbed \"quoted\" back\\slash",
        "<html> & 'quotes' + `ticks`",
        "control \u0001 \b \f \u001f del \u007f",
        "accents é ü ñ, CJK 漢字, emoji 🎉",
        "format chars \u200b \u2028 \u00ad nbsp \u00a0",
        "lone surrogate \ud800 here",
        "trailing high \ud83c",
        new string('x', 10_000) + "\n" + new string('é', 5_000),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_AnyText_MatchesTheSerializer(string? text)
    {
        var step = new TrajectoryStep
        {
            Turn = 2, Kind = "command", Text = text, Command = text is null ? "ls" : text + "!", Output = text,
            ExitCode = text is null ? null : 1, Tool = text, IsError = text is null ? null : false, Truncated = text is not null,
        };

        Assert.Equal(Serializer([step]), Handwritten([step]));
    }

    [Fact]
    public void Write_ChangesAndUsage_MatchTheSerializer()
    {
        TrajectoryStep[] steps =
        [
            new() { Turn = 1, Kind = "file_change", Changes = [new FileChange("src/a.cs", "update"), new FileChange("b\n", "add")], IsError = true },
            new() { Turn = 1, Kind = "usage", Usage = new TokenUsage(10, 2, 0, 5, 1) },
        ];

        Assert.Equal(Serializer(steps), Handwritten(steps));
    }

    private static string Serializer(TrajectoryStep[] steps) => Write(steps, (writer, step) =>
        JsonSerializer.Serialize(writer, step, OutputJsonContext.Output.TrajectoryStep));

    private static string Handwritten(TrajectoryStep[] steps)
    {
        TrajectoryStepJsonWriter? stepWriter = null;
        return Write(steps, (writer, step) => (stepWriter ??= new TrajectoryStepJsonWriter(writer)).Write(step));
    }

    private static string Write(TrajectoryStep[] steps, Action<Utf8JsonWriter, TrajectoryStep> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            writer.WriteStartArray();
            foreach (var step in steps)
            {
                write(writer, step);
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
