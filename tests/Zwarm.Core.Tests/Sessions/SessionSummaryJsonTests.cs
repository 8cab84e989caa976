using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionSummaryJsonTests
{
    internal static readonly SessionSummary Full = new()
    {
        Id = "0b9f2c1e-7d3a-4f55-9e21-3c8d6a4b2f10",
        Status = SessionStatus.Failed,
        Adapter = "claude_code",
        Model = "claude-sonnet-4-5",
        Turns = 3,
        Task = "fix \"quotes\", a \\ backslash, a\nnewline, émoji 🚀 and <html>",
        Source = "orchestrator:1234",
        WorkingDir = "/home/dev/projet été",
        CreatedAt = "2026-11-20T10:00:00.000001",
        UpdatedAt = "2026-11-20T10:05:00.5",
        InputTokens = 123_456_789_012,
        CachedInputTokens = 42,
        OutputTokens = 7,
        CostUsd = 0.012345m,
        ExitCode = 137,
        Error = "killed by user",
        Pid = 4242,
        Branch = "zwarm/0b9f2c1e",
        LinesAdded = 12,
        LinesRemoved = 3,
        LastReply = "Done: \"it\" works é 🚀",
    };

    internal static readonly SessionSummary Defaults = new() { Id = "0b9f2c1e-7d3a-4f55-9e21-3c8d6a4b2f11" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_OfWrite_GivesTheSameSummary(bool full)
    {
        var summary = full ? Full : Defaults;

        var reader = new Utf8JsonReader(Write(summary, indented: false));
        reader.Read();

        Assert.Equal(summary, SessionSummaryJson.Read(ref reader));
    }

    [Fact]
    public void Write_NamesEveryPropertyInDeclarationOrder()
    {
        // A field added to SessionSummary without teaching the hand-written codec fails here.
        var expected = typeof(SessionSummary).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

        using var doc = JsonDocument.Parse(Write(Full, indented: false));

        Assert.Equal(expected, doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Read_UnknownFieldsAreSkipped_AndAMissingIdIsAnError()
    {
        var reader = new Utf8JsonReader("""{"future":{"x":[1,2]},"id":"a","status":"running"}"""u8);
        reader.Read();
        var summary = SessionSummaryJson.Read(ref reader);
        Assert.Equal(SessionStatus.Running, summary.Status);

        Assert.Throws<JsonException>(() =>
        {
            var noId = new Utf8JsonReader("""{"status":"running"}"""u8);
            noId.Read();
            SessionSummaryJson.Read(ref noId);
        });
    }

    internal static byte[] Write(SessionSummary summary, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            SessionSummaryJson.Write(writer, summary);
        }
        return buffer.ToArray();
    }
}
