// One session as `ls` lists it. Taken from the index, its summary stays the compact JSON the index holds (validated
// when the index was read) and is decoded only when someone asks for it; `ls --json` copies that JSON instead.
using System.Text.Json;

namespace Zwarm.Core.Sessions;

internal sealed class ListedSummary
{
    private SessionSummary? _summary;

    public ListedSummary(SessionSummary summary)
    {
        _summary = summary;
        Id = summary.Id;
        Status = summary.Status;
        CreatedAt = summary.CreatedAt;
    }

    public ListedSummary(string id, SessionStatus status, string createdAt, ReadOnlyMemory<byte> json)
    {
        Id = id;
        Status = status;
        CreatedAt = createdAt;
        Json = json;
    }

    public string Id { get; }

    public SessionStatus Status { get; }

    public string CreatedAt { get; }

    /// <summary>The summary as compact JSON (what <see cref="SessionSummaryJson.Write"/> writes); empty when not from the index.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public SessionSummary Summary => _summary ??= Decode();

    private SessionSummary Decode()
    {
        var reader = new Utf8JsonReader(Json.Span);
        reader.Read();
        return SessionSummaryJson.Read(ref reader);
    }
}
