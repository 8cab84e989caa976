// sessions/.index.jsonl: a cache of every session's summary keyed by meta.json's (mtime, size), so `ls` over
// thousands of sessions reads one small file plus one stat per session instead of parsing every meta.json.
// meta.json stays the ground truth: a changed, new or vanished session is detected by its stamp and re-read.
using System.Text.Json;

namespace Zwarm.Core.Sessions;

public sealed class SessionIndex
{
    public const string FileName = ".index.jsonl";
    private readonly SessionStore _store;
    private readonly Events.PriceTable? _prices;

    public SessionIndex(SessionStore store, Events.PriceTable? prices = null)
    {
        _store = store;
        _prices = prices;
    }

    private string IndexPath => Path.Combine(_store.SessionsDirectory, FileName);

    /// <summary>
    /// Summaries of every session plus the sessions that could not be read. Refreshes the index file when
    /// anything changed (best effort: a read-only store still lists).
    /// </summary>
    public SessionListing Read()
    {
        var cached = LoadIndex();
        var summaries = new List<SessionSummary>();
        var problems = new List<SessionProblem>();
        var fresh = new List<SessionIndexEntry>();
        var dirty = false;

        foreach (var id in _store.EnumerateIds())
        {
            var info = new FileInfo(_store.MetaPath(id));
            if (!info.Exists)
            {
                problems.Add(new SessionProblem(id, "no meta.json"));
                dirty |= cached.ContainsKey(id);
                continue;
            }
            var stamp = info.LastWriteTimeUtc.Ticks;
            var size = info.Length;
            if (cached.TryGetValue(id, out var entry) && entry.Stamp == stamp && entry.Size == size)
            {
                summaries.Add(entry.Summary);
                fresh.Add(entry);
                continue;
            }
            dirty = true;
            try
            {
                var meta = _store.Load(id);
                if (meta is null)
                {
                    continue;
                }
                var summary = SessionSummaries.From(meta, _prices);
                summaries.Add(summary);
                fresh.Add(new SessionIndexEntry { Id = id, Stamp = stamp, Size = size, Summary = summary });
            }
            catch (CorruptSessionException e)
            {
                problems.Add(new SessionProblem(id, e.Reason));
            }
        }
        dirty |= fresh.Count != cached.Count;
        if (dirty)
        {
            Save(fresh);
        }
        return new SessionListing(summaries, problems);
    }

    private Dictionary<string, SessionIndexEntry> LoadIndex()
    {
        var result = new Dictionary<string, SessionIndexEntry>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(IndexPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result;
        }
        var span = bytes.AsSpan();
        while (span.Length > 0)
        {
            var nl = span.IndexOf((byte)'\n');
            var line = nl < 0 ? span : span[..nl];
            span = nl < 0 ? [] : span[(nl + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }
            try
            {
                var entry = JsonSerializer.Deserialize(line, SessionJsonContext.Compact.SessionIndexEntry);
                if (entry is not null)
                {
                    result[entry.Id] = entry;
                }
            }
            catch (JsonException)
            {
                // a damaged cache line: that session is simply re-read from its meta.json
            }
        }
        return result;
    }

    private void Save(List<SessionIndexEntry> entries)
    {
        try
        {
            using var buffer = new MemoryStream(entries.Count * 512);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SessionJsonContext.Compact.Options.Encoder }))
            {
                foreach (var entry in entries)
                {
                    JsonSerializer.Serialize(writer, entry, SessionJsonContext.Compact.SessionIndexEntry);
                    writer.Flush();
                    buffer.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }
            AtomicFile.WriteAllBytes(IndexPath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), durable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the index is only a cache
        }
    }
}

/// <summary>What `ls` found: readable sessions, and folders that could not be read (reported, never fatal).</summary>
public sealed record SessionListing(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<SessionProblem> Problems);

/// <summary>A session folder that could not be listed, and why.</summary>
public sealed record SessionProblem(string Id, string Reason);
