using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Rendering;

public sealed class JsonShapeTests
{
    [Fact]
    public void LsJson_HandWrittenSummary_IsByteForByteTheSerializers()
    {
        var summary = new SessionSummary
        {
            Id = "0b9f2c1e-7d3a-4f55-9e21-3c8d6a4b2f10", Status = SessionStatus.Killed, Adapter = "codex", Model = "m",
            Turns = 2, Task = "say \"hi\" \\ é 🚀\n<b>", Source = "user", WorkingDir = "/w", CreatedAt = "c", UpdatedAt = "u",
            InputTokens = 1, CachedInputTokens = 2, OutputTokens = 3, CostUsd = 1.5m, ExitCode = -1, Error = "e", Pid = 9,
        };
        foreach (var s in new[] { summary, new SessionSummary { Id = summary.Id } })
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                SessionSummaryJson.Write(writer, s);
            }

            Assert.Equal(JsonSerializer.Serialize(s, CliJsonContext.Output.SessionSummary), Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    [Fact]
    public void StreamBufferWriter_PassesEverythingOnInOrder()
    {
        using var sink = new MemoryStream();
        var output = new StreamBufferWriter(sink, capacity: 16);
        var expected = new List<byte>();
        for (var i = 0; i < 50; i++)
        {
            var chunk = Enumerable.Repeat((byte)('a' + i % 26), i).ToArray();
            chunk.CopyTo(output.GetSpan(chunk.Length));
            output.Advance(chunk.Length);
            expected.AddRange(chunk);
        }
        output.Flush();

        Assert.Equal(expected, sink.ToArray());
    }
}
