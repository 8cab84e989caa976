namespace Zwarm.Core.Sessions;

/// <summary>
/// What `clean` removed (or, on a dry run, would remove): old stopped sessions and stale leftovers; and the isolated
/// sessions it kept because removing them would lose unmerged work (<see cref="Kept"/>, with the reason).
/// </summary>
public sealed record CleanResult(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<StoreLeftover> Leftovers,
    IReadOnlyList<SessionProblem> Kept);
