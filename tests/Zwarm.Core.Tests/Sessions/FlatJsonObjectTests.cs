using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Sessions;

public sealed class FlatJsonObjectTests
{
    public static TheoryData<string, int, char, string> Layouts => new()
    {
        { "full", 2, ' ', "\n" },
        { "defaults", 2, ' ', "\n" },
        { "full", 4, '\t', "\r\n" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void TryWrite_ReindentsExactlyAsTheWriterWould(string which, int indentSize, char indentChar, string newLine)
    {
        var summary = which == "full" ? SessionSummaryJsonTests.Full : SessionSummaryJsonTests.Defaults;
        var compact = SessionSummaryJsonTests.Write(summary, indented: false);
        var options = new JsonWriterOptions
        {
            Indented = true, IndentSize = indentSize, IndentCharacter = indentChar, NewLine = newLine,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        var expected = Array(options, w => SessionSummaryJson.Write(w, summary));
        var actual = Array(options, w => Assert.True(FlatJsonObject.TryWrite(w, compact)));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("""{"a":{"b":1}}""")]
    [InlineData("""{"a":[1]}""")]
    [InlineData("""{"a": 1}""")]
    [InlineData("""{"a":1} """)]
    [InlineData("""{"a":"unterminated}""")]
    [InlineData("[1]")]
    public void TryWrite_RefusesWhatIsNotAFlatCompactObject(string json)
    {
        var written = Array(new JsonWriterOptions { Indented = true }, w => Assert.False(FlatJsonObject.TryWrite(w, Encoding.UTF8.GetBytes(json))));

        Assert.Equal("[]", written);
    }

    [Fact]
    public void TryWrite_EmptyObject()
    {
        var written = Array(new JsonWriterOptions { Indented = true }, w => Assert.True(FlatJsonObject.TryWrite(w, "{}"u8)));

        Assert.Equal(Array(new JsonWriterOptions { Indented = true }, w => { w.WriteStartObject(); w.WriteEndObject(); }), written);
    }

    // Two copies inside an array inside an object, so both the separator and the depth are exercised.
    private static string Array(JsonWriterOptions options, Action<Utf8JsonWriter> writeOne)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            writeOne(writer);
            writeOne(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        // For the refusal cases nothing was written: report just the array.
        return text.Contains("\"items\": []", StringComparison.Ordinal) || text.Contains("\"items\":[]", StringComparison.Ordinal) ? "[]" : text;
    }
}
