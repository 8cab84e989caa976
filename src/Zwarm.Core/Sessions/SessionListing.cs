using System.Text.Json;

namespace Zwarm.Core.Sessions;

/// <summary>What `ls` found: readable sessions, and folders that could not be read (reported, never fatal).</summary>
public sealed record SessionListing(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<SessionProblem> Problems)
{
    /// <summary>
    /// Writes <see cref="Sessions"/> as a JSON array of summaries. Summaries still in their index form are copied
    /// (re-indented for an indenting writer) rather than decoded and encoded again: the same bytes, much sooner.
    /// </summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        if (Sessions is SummaryList list)
        {
            foreach (var item in list.Items)
            {
                if (item.Json.IsEmpty || !FlatJsonObject.TryWrite(writer, item.Json.Span))
                {
                    SessionSummaryJson.Write(writer, item.Summary);
                }
            }
        }
        else
        {
            foreach (var summary in Sessions)
            {
                SessionSummaryJson.Write(writer, summary);
            }
        }
        writer.WriteEndArray();
    }
}
