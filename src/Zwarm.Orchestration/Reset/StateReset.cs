// `zwarm reset`: the state directory afresh. It sits here, not in Core, because it deletes both stores — sessions
// (Core) and orchestrator / pilot instances (this layer) — and arrows point down. Nothing is deleted unless all of
// it can be: every instance's run lock is taken first (a live orchestrator or pilot refuses the reset), then the
// sessions are removed all or nothing under their locks (SessionRemoval; --kill kills running ones first), then the
// instances, leftovers and (with --all) config.toml and the histories.
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Reset;

public sealed class StateReset(SessionService sessions, InstanceStore instances)
{
    private static readonly string[] ExtraFiles = ["config.toml", "history", "pilot_history"];

    /// <summary>What a reset would delete now.</summary>
    public async Task<ResetPlan> PlanAsync(bool all, CancellationToken cancellationToken)
    {
        var stateDir = sessions.Context.StateDirectory;
        var listing = await sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        var leftovers = new StoreLeftovers(sessions.Store).Find();
        var ids = listing.Sessions.Select(s => s.Id)
            .Concat(listing.Problems.Select(p => p.Id))
            .Where(SessionId.IsFull)
            .Distinct(StringComparer.Ordinal).ToList();
        var running = listing.Sessions.Where(s => !s.Status.IsStopped()).Select(s => s.Id).ToList();
        var files = all ? ExtraFiles.Select(f => Path.Combine(stateDir, f)).Where(File.Exists).ToList() : [];
        return new ResetPlan(stateDir, ids, running, instances.List().Instances,
            leftovers.Where(l => l.Kind == LeftoverKind.HalfDeleted).Select(l => l.Path).ToList(), files);
    }

    /// <summary>
    /// Deletes what <paramref name="plan"/> names, all or nothing: a running session is refused unless
    /// <paramref name="kill"/>, a live instance always.
    /// </summary>
    public async Task RunAsync(ResetPlan plan, bool kill, CancellationToken cancellationToken)
    {
        EnsureAllowed(plan, kill);
        var runLocks = new List<FileLock>();
        try
        {
            foreach (var instance in plan.Instances)
            {
                try
                {
                    runLocks.Add(await instances.LockAsync(instance.Id, cancellationToken).ConfigureAwait(false));
                }
                catch (ZwarmException e) when (e.Kind == ErrorKind.Conflict)
                {
                    throw LiveInstance(instance.Id);
                }
            }
            if (plan.SessionIds.Count > 0)
            {
                await sessions.Removal.RemoveAsync(plan.SessionIds, new RemovalOptions(kill, RemoveDamaged: true, "--kill"), cancellationToken)
                    .ConfigureAwait(false);
            }
            foreach (var instance in plan.Instances)
            {
                Directory.Delete(instances.Directory(instance.Id), recursive: true);
            }
        }
        finally
        {
            foreach (var held in runLocks)
            {
                held.Dispose();
            }
        }
        var leftovers = new StoreLeftovers(sessions.Store);
        foreach (var leftover in leftovers.Find().Where(l => plan.Leftovers.Contains(l.Path)))
        {
            await leftovers.RemoveAsync(leftover, cancellationToken).ConfigureAwait(false);
        }
        foreach (var file in plan.Files)
        {
            File.Delete(file);
        }
    }

    /// <summary>Refuses (Conflict) while an instance is live, or a session runs without <paramref name="kill"/>. Nothing is deleted.</summary>
    public static void EnsureAllowed(ResetPlan plan, bool kill)
    {
        if (plan.Instances.FirstOrDefault(i => i.LiveStatus() == InstanceStatus.Running) is { } live)
        {
            throw LiveInstance(live.Id);
        }
        if (plan.RunningSessionIds.Count > 0 && !kill)
        {
            throw new ZwarmException(ErrorKind.Conflict,
                $"{plan.RunningSessionIds.Count} {(plan.RunningSessionIds.Count == 1 ? "session" : "sessions")} running ({string.Join(", ", plan.RunningSessionIds.Take(3).Select(id => id.Length > 8 ? id[..8] : id))}); " +
                "kill them first (zwarm kill --all) or pass --kill; nothing was deleted");
        }
    }

    private static ZwarmException LiveInstance(string id) => new(ErrorKind.Conflict,
        $"instance {id} is running (zwarm status -i {id}); stop it (Ctrl-C or :quit) before a reset; nothing was deleted");
}
