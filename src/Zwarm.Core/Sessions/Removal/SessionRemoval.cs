// Removing sessions (`rm`, `rm --stopped`, `clean`, `reset`, the REPL and the orchestrator's discard): one rule, decided
// under the locks. All ids are resolved first (one bad id removes nothing); the locks are taken in a fixed order (so
// two removals never deadlock); then, holding every lock, each session is re-read and its status derived: if any is
// running, nothing is removed (or, with force, they are killed outside the locks — the kill takes each lock itself —
// and the decision is made again). A `continue` that waited on a lock finds the session gone (FileLock), never a
// folder to write into.
namespace Zwarm.Core.Sessions;

public sealed class SessionRemoval(SessionService sessions)
{
    /// <summary>How often a forced removal re-kills sessions restarted between its kill and its locks.</summary>
    private const int ForceAttempts = 5;

    private SessionStore Store => sessions.Store;

    /// <summary>
    /// Removes every named session, or none: a running one is refused (Conflict, naming them) unless
    /// <paramref name="force"/>, which kills it first; with force a damaged or half-made session folder goes too.
    /// </summary>
    public Task<IReadOnlyList<RemovedSession>> RemoveAsync(IReadOnlyList<string> idsOrPrefixes, bool force,
        CancellationToken cancellationToken) =>
        RemoveAsync(idsOrPrefixes, new RemovalOptions(force, RemoveDamaged: force), cancellationToken);

    /// <summary>Removes every named session, or none (see <see cref="RemovalOptions"/>).</summary>
    public async Task<IReadOnlyList<RemovedSession>> RemoveAsync(IReadOnlyList<string> idsOrPrefixes, RemovalOptions options,
        CancellationToken cancellationToken)
    {
        var force = options.KillRunning;
        if (idsOrPrefixes.Count == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "no sessions to remove");
        }
        var ids = idsOrPrefixes.Select(Store.Resolve).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var running = new List<string>();
            using (var locks = await LockAllAsync(ids, cancellationToken).ConfigureAwait(false))
            {
                var decided = ids.Select(Decide).ToList();
                running.AddRange(decided.Where(d => d.Running).Select(d => d.Id));
                var damaged = decided.Where(d => d.Problem is not null).ToList();
                if (running.Count > 0 && !force)
                {
                    throw new ZwarmException(ErrorKind.Conflict,
                        $"{Describe(running, decided)}; nothing was removed: kill {(running.Count == 1 ? "it" : "them")} first (or use {options.ForceFlag})");
                }
                if (damaged.Count > 0 && !options.RemoveDamaged)
                {
                    var d = damaged[0];
                    throw new ZwarmException(ErrorKind.State,
                        $"session {SessionService.ShortId(d.Id)}: {d.Problem}; nothing was removed (rm --force {SessionService.ShortId(d.Id)} removes it as it is)");
                }
                if (running.Count == 0)
                {
                    // An isolated session's branch may hold work that exists nowhere else: one such session
                    // removes nothing (unless the work is explicitly discarded). Decided under the locks too.
                    if (!options.DiscardWork)
                    {
                        foreach (var d in decided)
                        {
                            if (d.Meta?.Workspace is { } workspace
                                && await sessions.Cleanup.UnmergedWorkAsync(workspace, cancellationToken).ConfigureAwait(false) is { } reason)
                            {
                                throw new ZwarmException(ErrorKind.Conflict,
                                    $"session {SessionService.ShortId(d.Id)}: {reason}; nothing was removed (zwarm merge or apply it first, or rm --discard-work)");
                            }
                        }
                    }
                    foreach (var d in decided)
                    {
                        if (d.Meta?.Workspace is { } workspace)
                        {
                            await sessions.Cleanup.RemoveAsync(workspace, cancellationToken).ConfigureAwait(false);
                        }
                        Store.Delete(d.Id);
                    }
                    return decided.Select(d => new RemovedSession(d.Id, d.Meta, d.Problem)).ToList();
                }
            }
            if (attempt == ForceAttempts)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"session(s) {string.Join(", ", running.Select(SessionService.ShortId))} kept being restarted; nothing was removed");
            }
            foreach (var id in running)
            {
                await sessions.KillAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Removes stopped sessions last updated longer than <paramref name="olderThan"/> ago (every stopped one when
    /// null), each decided under its own lock (a session continued meanwhile is kept), plus stale leftovers.
    /// </summary>
    public async Task<CleanResult> CleanAsync(TimeSpan? olderThan, bool dryRun, CancellationToken cancellationToken)
    {
        var zone = Store.Time.LocalTimeZone;
        var now = Store.Time.GetUtcNow();
        // A cheap first cut on the listing's naive stamps, loose by the widest gap between two zones; the exact
        // age (from the UTC twin) is taken under the lock.
        var margin = TimeSpan.FromHours(26);
        var listing = await sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = listing.Sessions.Where(s => s.Status.IsStopped()
            && (olderThan is null || Timestamps.Parse(s.UpdatedAt, zone) is not { } t || now - t > olderThan - margin))
            .Select(s => s.Id).ToList();
        var removed = new List<SessionSummary>();
        var kept = new List<SessionProblem>();
        foreach (var id in candidates)
        {
            FileLock held;
            try
            {
                held = await Store.LockAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ZwarmException e) when (e.Kind == ErrorKind.NotFound)
            {
                continue;
            }
            using (held)
            {
                var decided = Decide(id);
                if (decided.Meta is not { } meta || decided.Running || decided.Problem is not null)
                {
                    continue;
                }
                var updated = Timestamps.Instant(meta.UpdatedAt, meta.UpdatedAtUtc, zone);
                if (olderThan is not null && (updated is null || now - updated.Value <= olderThan))
                {
                    continue;
                }
                if (meta.Workspace is { } workspace)
                {
                    // Never unmerged work: such a session is kept and listed (a dry run says the same).
                    if (await sessions.Cleanup.UnmergedWorkAsync(workspace, cancellationToken).ConfigureAwait(false) is { } reason)
                    {
                        kept.Add(new SessionProblem(id, reason));
                        continue;
                    }
                    if (!dryRun)
                    {
                        await sessions.Cleanup.RemoveAsync(workspace, cancellationToken).ConfigureAwait(false);
                    }
                }
                if (!dryRun)
                {
                    Store.Delete(id);
                }
                removed.Add(SessionSummaries.From(meta, sessions.Prices));
            }
        }
        var leftovers = new StoreLeftovers(Store);
        var stale = leftovers.FindStale();
        var cleared = new List<StoreLeftover>();
        foreach (var leftover in stale)
        {
            if (dryRun || await leftovers.RemoveAsync(leftover, cancellationToken).ConfigureAwait(false))
            {
                cleared.Add(leftover);
            }
        }
        return new CleanResult(removed, cleared, kept);
    }

    /// <summary>Takes the locks of <paramref name="ids"/> in order; all or none (a failure releases those taken).</summary>
    private async Task<LockSet> LockAllAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var set = new LockSet();
        try
        {
            foreach (var id in ids)
            {
                set.Add(await Store.LockAsync(id, cancellationToken).ConfigureAwait(false));
            }
            return set;
        }
        catch
        {
            set.Dispose();
            throw;
        }
    }

    /// <summary>The session's state now, read and derived under its lock (held by the caller).</summary>
    private Decision Decide(string id)
    {
        SessionMeta? meta;
        try
        {
            meta = Store.Load(id);
        }
        catch (CorruptSessionException e)
        {
            return new Decision(id, null, Running: false, e.Reason);
        }
        if (meta is null)
        {
            return new Decision(id, null, Running: false, "no meta.json (a spawn that never finished)");
        }
        meta = sessions.RefreshLocked(meta);
        return new Decision(id, meta, !meta.Status.IsStopped(), null);
    }

    private static string Describe(List<string> running, List<Decision> decided) => running.Count == 1
        ? $"session {SessionService.ShortId(running[0])} is {decided.First(d => d.Id == running[0]).Meta!.Status.ToName()}"
        : $"sessions {string.Join(", ", running.Select(SessionService.ShortId))} are running";

    private sealed record Decision(string Id, SessionMeta? Meta, bool Running, string? Problem);

    private sealed class LockSet : IDisposable
    {
        private readonly List<FileLock> _locks = [];

        public void Add(FileLock held) => _locks.Add(held);

        public void Dispose()
        {
            for (var i = _locks.Count - 1; i >= 0; i--)
            {
                _locks[i].Dispose();
            }
            _locks.Clear();
        }
    }
}
