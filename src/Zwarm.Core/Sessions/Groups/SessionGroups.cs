// Best of N (spawn --attempts, compare, rm --group --except): the same task given to several isolated sessions at
// once, tied together by a group id in each meta.json. Every attempt is an ordinary isolated session (its own
// worktree and branch), so diff, merge and rm work on each as on any other; this class only starts, finds and
// discards them as a group.
namespace Zwarm.Core.Sessions.Groups;

public sealed class SessionGroups(SessionService sessions)
{
    /// <summary>
    /// Starts one isolated session per entry of <paramref name="adapters"/>, all with <paramref name="request"/>'s
    /// task, in one new group. An attempt that cannot start stops the rest; the message names the group of those
    /// that did.
    /// </summary>
    public async Task<StartedGroup> StartAsync(StartRequest request, IReadOnlyList<string> adapters, CancellationToken cancellationToken)
    {
        if (request.Isolation == Config.IsolationMode.None)
        {
            throw new ZwarmException(ErrorKind.Usage, "best of N needs a worktree per attempt: --attempts does not go with --no-worktree");
        }
        if (request.Branch is not null && adapters.Count > 1)
        {
            throw new ZwarmException(ErrorKind.Usage, "--branch names one branch: it does not go with several attempts (each gets zwarm/<id>)");
        }
        var group = GroupId.New();
        var started = new List<SessionMeta>(adapters.Count);
        foreach (var adapter in adapters)
        {
            try
            {
                started.Add(await sessions.StartAsync(
                    request with { Adapter = adapter, Isolation = Config.IsolationMode.Worktree, Group = group }, cancellationToken).ConfigureAwait(false));
            }
            catch (ZwarmException e) when (started.Count > 0)
            {
                throw new ZwarmException(e.Kind,
                    $"attempt {started.Count + 1} of {adapters.Count} ({adapter}) did not start: {e.Message}; {started.Count} already started in group {group} (zwarm compare {group})", e);
            }
        }
        return new StartedGroup(group, started);
    }

    /// <summary>The group's attempts, oldest first (the order they were started in); NotFound when it has none.</summary>
    public async Task<IReadOnlyList<SessionSummary>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        var id = GroupId.Validate(group);
        var listing = await sessions.ListAsync(cancellationToken, group: id).ConfigureAwait(false);
        if (listing.Sessions.Count == 0)
        {
            throw new ZwarmException(ErrorKind.NotFound, $"no sessions in group '{id}' (zwarm ls shows each session's group)");
        }
        return [.. listing.Sessions.Reverse()];
    }

    /// <summary>
    /// Removes every attempt of <paramref name="group"/> except <paramref name="keep"/>, work and all (their
    /// unmerged work is discarded: that is the point), through the all-or-nothing <see cref="SessionRemoval"/>.
    /// A kept id that is not in the group is a Usage error and removes nothing.
    /// </summary>
    public async Task<IReadOnlyList<RemovedSession>> RemoveExceptAsync(string group, IReadOnlyList<string> keep, RemovalOptions options,
        CancellationToken cancellationToken)
    {
        var members = await MembersAsync(group, cancellationToken).ConfigureAwait(false);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in keep)
        {
            var id = sessions.Store.Resolve(k);
            if (!members.Any(m => m.Id == id))
            {
                throw new ZwarmException(ErrorKind.Usage, $"session {SessionService.ShortId(id)} is not in group {group.Trim()}; nothing was removed");
            }
            kept.Add(id);
        }
        var rest = members.Where(m => !kept.Contains(m.Id)).Select(m => m.Id).ToList();
        return rest.Count == 0
            ? []
            : await sessions.Removal.RemoveAsync(rest, options with { DiscardWork = true }, cancellationToken).ConfigureAwait(false);
    }
}
