// sessions/.index.jsonl: a cache of every session's summary keyed by meta.json's (mtime, size), so `ls` over
// thousands of sessions reads one small file plus one stat per session instead of parsing every meta.json.
// meta.json stays the ground truth: a changed, new or vanished session is detected by its stamp and re-read.
namespace Zwarm.Core.Sessions;

public sealed partial class SessionIndex
{
    public const string FileName = ".index.jsonl";

    /// <summary>The line format; raised when a summary gains a field (2: last_reply), so older lines are re-read.</summary>
    internal const int FormatVersion = 2;
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
        var (sessions, problems) = ReadEntries();
        return new SessionListing(new SummaryList(sessions), problems);
    }

    /// <summary><see cref="Read"/>, with each session's summary still in its index form (decoded on demand).</summary>
    internal (List<ListedSummary> Sessions, List<SessionProblem> Problems) ReadEntries()
    {
        var (cached, stamped) = LoadIndexWhileStatting();
        var listed = new List<ListedSummary>(cached.Count);
        var problems = new List<SessionProblem>();
        var fresh = new List<SessionIndexEntry>(cached.Count);
        var dirty = false;

        foreach (var (id, found, stamp, size) in stamped)
        {
            if (!found)
            {
                problems.Add(new SessionProblem(id, "no meta.json (half-made: zwarm rm --force or zwarm clean removes it)"));
                dirty |= cached.ContainsKey(id);
                continue;
            }
            if (cached.TryGetValue(id, out var entry) && entry.Stamp == stamp && entry.Size == size)
            {
                listed.Add(entry.Listed);
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
                var summary = new ListedSummary(SessionSummaries.From(meta, _prices));
                listed.Add(summary);
                fresh.Add(new SessionIndexEntry(stamp, size, summary));
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
        return (listed, problems);
    }

    // The two halves of a warm listing, on two cores: reading and checking the index file on a helper thread while
    // this one stats every meta.json (each is about a third of a warm `ls` of 10,000 sessions).
    private (Dictionary<string, SessionIndexEntry> Cached, List<(string Id, bool Found, long Stamp, long Size)> Stamped)
        LoadIndexWhileStatting()
    {
        Dictionary<string, SessionIndexEntry>? cached = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        Thread? loader = null;
        if (Environment.ProcessorCount > 1)
        {
            loader = new Thread(() =>
            {
                try
                {
                    cached = LoadIndex();
                }
                catch (Exception e)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            }) { IsBackground = true, Name = "ls-index" };
            loader.Start();
        }

        var stamped = new List<(string, bool, long, long)>();
        using (var stamps = new MetaStampReader(_store.SessionsDirectory))
        {
            foreach (var id in _store.EnumerateIds())
            {
                var found = stamps.TryRead(id, out var stamp, out var size);
                stamped.Add((id, found, stamp, size));
            }
        }
        loader?.Join();
        failure?.Throw();
        return (cached ?? LoadIndex(), stamped);
    }
}
