// One session as the board lists it: an element of `zwarm ls --json --all`, plus "workspace" (null, or the branch
// and diff stat of an isolated session) so the UI need not know which of the flat fields go together.
using System.Text.Json;
using Zwarm.Core.Sessions;

namespace Zwarm.Dashboard.Api;

internal static class SessionRow
{
    public static void Write(Utf8JsonWriter writer, SessionSummary s)
    {
        writer.WriteStartObject();
        SessionSummaryJson.WriteProperties(writer, s);
        if (s.Branch is { } branch)
        {
            writer.WriteStartObject("workspace");
            writer.WriteString("branch", branch);
            writer.WriteNumber("files", s.FilesChanged ?? 0);
            writer.WriteNumber("added", s.LinesAdded ?? 0);
            writer.WriteNumber("removed", s.LinesRemoved ?? 0);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("workspace");
        }
        writer.WriteEndObject();
    }

    /// <summary>A row as its own JSON text (an event's data line).</summary>
    public static string ToJson(SessionSummary s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, ApiJson.WriterOptions))
        {
            Write(writer, s);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
