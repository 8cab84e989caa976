// Listing sessions; removing and cleaning them goes through SessionRemoval (decided under the locks).
namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>
    /// Every session, newest first, with running ones brought up to date; unreadable folders are reported in
    /// <see cref="SessionListing.Problems"/>, never fatal. <paramref name="group"/>: only the attempts of that
    /// best-of-N group (spawn --attempts).
    /// </summary>
    public async Task<SessionListing> ListAsync(CancellationToken cancellationToken, SessionStatus? status = null, string? group = null)
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
            if ((status is null || current.Status == status) && (group is null || current.Summary.Group == group))
            {
                sessions.Add(current);
            }
        }
        // Newest first. Summaries from the index are not decoded here: `ls --json` copies them as they are.
        sessions.Sort((a, b) => string.CompareOrdinal(b.CreatedAt, a.CreatedAt));
        return new SessionListing(new SummaryList(sessions), problems);
    }

    /// <summary>Removing sessions: all or nothing, decided under the locks (see <see cref="SessionRemoval"/>).</summary>
    public SessionRemoval Removal => new(this);

    /// <summary>Best-of-N groups: spawn --attempts, compare, rm --group (see <see cref="Groups.SessionGroups"/>).</summary>
    public Groups.SessionGroups Groups => new(this);

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
        var removed = await Removal.RemoveAsync([idOrPrefix], new RemovalOptions(force, RemoveDamaged: force, DiscardWork: discardWork),
            cancellationToken).ConfigureAwait(false);
        return removed[0].Meta ?? throw new ZwarmException(ErrorKind.State, $"session {removed[0].Id} was damaged ({removed[0].Problem}) and has been removed");
    }

    /// <summary>
    /// Deletes stopped sessions last updated more than <paramref name="olderThan"/> ago (all stopped ones when
    /// null), each decided under its lock. Running sessions are never touched. With <paramref name="dryRun"/>, only reports.
    /// </summary>
    public async Task<IReadOnlyList<SessionSummary>> CleanAsync(TimeSpan? olderThan, bool dryRun,
        CancellationToken cancellationToken) =>
        (await Removal.CleanAsync(olderThan, dryRun, cancellationToken).ConfigureAwait(false)).Sessions;
}
