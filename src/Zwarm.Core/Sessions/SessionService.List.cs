// Listing, removing and cleaning sessions.
namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>
    /// Every session, newest first, with running ones brought up to date; unreadable folders are reported in
    /// <see cref="SessionListing.Problems"/>, never fatal.
    /// </summary>
    public async Task<SessionListing> ListAsync(CancellationToken cancellationToken, SessionStatus? status = null)
    {
        var (items, problems) = new SessionIndex(Store, Prices).ReadEntries();
        var sessions = new List<ListedSummary>(items.Count);
        foreach (var item in items)
        {
            var current = item;
            if (!item.Status.IsStopped())
            {
                try
                {
                    var meta = Store.Load(item.Id);
                    if (meta is not null)
                    {
                        current = new ListedSummary(SessionSummaries.From(await RefreshAsync(meta, cancellationToken).ConfigureAwait(false), Prices));
                    }
                }
                catch (CorruptSessionException e)
                {
                    problems.Add(new SessionProblem(item.Id, e.Reason));
                    continue;
                }
            }
            if (status is null || current.Status == status)
            {
                sessions.Add(current);
            }
        }
        // Newest first. Summaries from the index are not decoded here: `ls --json` copies them as they are.
        sessions.Sort((a, b) => string.CompareOrdinal(b.CreatedAt, a.CreatedAt));
        return new SessionListing(new SummaryList(sessions), problems);
    }

    /// <summary>Deletes a stopped session. A running one is refused unless <paramref name="force"/> (kill first).</summary>
    public Task<SessionMeta> RemoveAsync(string idOrPrefix, bool force, CancellationToken cancellationToken) =>
        RemoveAsync(idOrPrefix, force, discardWork: false, cancellationToken);

    /// <summary>
    /// Deletes a stopped session (a running one is refused unless <paramref name="force"/>: kill first), and an
    /// isolated session's worktree and branch; refused (Conflict), removing nothing, when that would lose unmerged
    /// work, unless <paramref name="discardWork"/>.
    /// </summary>
    public async Task<SessionMeta> RemoveAsync(string idOrPrefix, bool force, bool discardWork, CancellationToken cancellationToken)
    {
        var meta = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (!meta.Status.IsStopped())
        {
            if (!force)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"session {ShortId(meta.Id)} is {meta.Status.ToName()}; kill it first (or use --force)");
            }
            meta = (await KillAsync(meta.Id, cancellationToken).ConfigureAwait(false)).Session;
        }
        // helper/iso: an isolated session's worktree and branch go too, but never unmerged work.
        if (meta.Workspace is { } workspace)
        {
            await CheckRemovableAsync(meta, discardWork, cancellationToken).ConfigureAwait(false);
            await Cleanup.RemoveAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        using (await Store.LockAsync(meta.Id, cancellationToken).ConfigureAwait(false))
        {
            Store.Delete(meta.Id);
        }
        return meta;
    }

    /// <summary>Refuses (Conflict) when removing the session would lose an isolated session's unmerged work.</summary>
    public async Task CheckRemovableAsync(SessionMeta meta, bool discardWork, CancellationToken cancellationToken)
    {
        if (!discardWork && meta.Workspace is { } workspace
            && await Cleanup.UnmergedWorkAsync(workspace, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"session {ShortId(meta.Id)} was not removed: {reason} (zwarm merge or apply it first, or rm --discard-work)");
        }
    }

    /// <summary>
    /// Deletes stopped sessions last updated more than <paramref name="olderThan"/> ago (all stopped ones when
    /// null). Running sessions are never touched. With <paramref name="dryRun"/>, only reports.
    /// </summary>
    public async Task<IReadOnlyList<SessionSummary>> CleanAsync(TimeSpan? olderThan, bool dryRun,
        CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var listing = await ListAsync(cancellationToken).ConfigureAwait(false);
        var victims = listing.Sessions.Where(s => s.Status.IsStopped()
            && (olderThan is null || (Timestamps.Parse(s.UpdatedAt) is { } t && now - t > olderThan))).ToList();
        if (!dryRun)
        {
            foreach (var s in victims.ToList())
            {
                // helper/iso: an isolated session with unmerged work is skipped (and listed in CleanSkipped).
                if (s.Branch is not null && Store.Load(s.Id)?.Workspace is { } workspace)
                {
                    if (await Cleanup.UnmergedWorkAsync(workspace, cancellationToken).ConfigureAwait(false) is { } reason)
                    {
                        victims.Remove(s);
                        CleanSkipped.Add(new SessionProblem(s.Id, reason));
                        continue;
                    }
                    await Cleanup.RemoveAsync(workspace, cancellationToken).ConfigureAwait(false);
                }
                using (await Store.LockAsync(s.Id, cancellationToken).ConfigureAwait(false))
                {
                    Store.Delete(s.Id);
                }
            }
        }
        return victims;
    }
}
