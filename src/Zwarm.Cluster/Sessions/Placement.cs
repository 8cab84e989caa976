// Where a remote `spawn` goes: among the ACTIVE workers, those named by --on or carrying --label, with the agent
// installed and room (running < max_sessions), least loaded first (the smallest share of its capacity in use, then
// the fewest running, then the name). When none fits, one line says why: no such worker or label, the agent
// missing everywhere that fits, or every fitting worker full.
using Zwarm.Core;

namespace Zwarm.Cluster.Sessions;

public static class Placement
{
    public static IReadOnlyList<PlacementCandidate> Order(IReadOnlyList<PlacementCandidate> active, string? on, string? label, string? agent)
    {
        var named = active.Where(w => on is null || w.Name == on).ToList();
        if (named.Count == 0)
        {
            throw new ZwarmException(ErrorKind.NotFound, active.Count == 0
                ? "no worker of the cluster is active"
                : $"no active worker is named {on} (active: {string.Join(", ", active.Select(w => w.Name).Order(StringComparer.Ordinal))})");
        }
        var labelled = named.Where(w => label is null || w.Labels.Contains(label)).ToList();
        if (labelled.Count == 0)
        {
            throw new ZwarmException(ErrorKind.NotFound, on is null
                ? $"no active worker has the label {label}"
                : $"worker {on} does not have the label {label}");
        }
        var equipped = labelled.Where(w => agent is null || w.Agents.Contains(agent)).ToList();
        if (equipped.Count == 0)
        {
            throw new ZwarmException(ErrorKind.AgentMissing, $"no fitting worker has the agent {agent} installed ({Describe(labelled)})");
        }
        var free = equipped.Where(w => w.Running < w.MaxSessions).ToList();
        if (free.Count == 0)
        {
            throw new ZwarmException(ErrorKind.Conflict, $"every fitting worker is full ({Describe(equipped)})");
        }
        return [.. free
            .OrderBy(w => (double)w.Running / w.MaxSessions)
            .ThenBy(w => w.Running)
            .ThenBy(w => w.Name, StringComparer.Ordinal)];
    }

    internal static string Describe(IEnumerable<PlacementCandidate> workers) =>
        string.Join(", ", workers.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => $"{w.Name} {w.Running}/{w.MaxSessions}"));
}
