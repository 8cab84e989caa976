// The cluster's `ls`: an 80-column table with the WORKER column, or `--json` (each session's `ls --json` object plus
// `worker`; a session of an unreachable worker has status `unreachable` and its last-known status in
// `last_known_status`). The derived status is only printed, never stored.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Zwarm.Cluster.Sessions;

namespace Zwarm.Worker.Rendering;

internal static class ClusterSessionsOutput
{
    private static readonly (string Title, int Width)[] Columns =
        [("ID", 8), ("WORKER", 10), ("STATUS", 11), ("TURNS", 5), ("AGENT", 11), ("TASK", 29)];

    public static void WriteTable(TextWriter output, IReadOnlyList<ClusterSessionRow> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("no sessions in this cluster");
            return;
        }
        output.WriteLine(Line(Columns.Select(c => c.Title)));
        foreach (var row in rows)
        {
            output.WriteLine(Line([
                row.Id.Length > 8 ? row.Id[..8] : row.Id, row.Worker, row.Status,
                Number(row.Summary, "turns"), Text(row.Summary, "adapter"), OneLine(Text(row.Summary, "task")),
            ]));
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<ClusterSessionRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                foreach (var property in row.Summary.EnumerateObject())
                {
                    if (property.NameEquals("status") && !row.Reachable)
                    {
                        writer.WriteString("status", row.Status);
                        writer.WritePropertyName("last_known_status");
                        property.Value.WriteTo(writer);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }
                writer.WriteString("worker", row.Worker);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Line(IEnumerable<string> cells)
    {
        var line = new StringBuilder(WorkersTable.Width);
        foreach (var (cell, (_, width)) in cells.Zip(Columns))
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(WorkersTable.Fit(cell, width).PadRight(width));
        }
        return line.ToString().TrimEnd();
    }

    private static string Text(JsonElement summary, string name) =>
        summary.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Number(JsonElement summary, string name) =>
        summary.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : "-";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
